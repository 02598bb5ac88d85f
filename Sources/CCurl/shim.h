// libcurl's easy interface behind one blocking call with fixed C types: curl_easy_setopt is variadic, which Swift
// cannot call. Nothing but this shim lives here; only PaddockCore's Net/ imports it.
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  char *data;
  size_t length;
  size_t capacity;
  size_t limit;
  int overflow;
} paddock_buffer;

typedef struct {
  long status;
  int code;
  paddock_buffer body;
  paddock_buffer headers;
  char error[CURL_ERROR_SIZE];
} paddock_http_result;

static size_t paddock_http_collect(char *data, size_t size, size_t count, void *context) {
  paddock_buffer *buffer = (paddock_buffer *)context;
  size_t bytes = size * count;
  if (buffer->length + bytes > buffer->limit) {
    buffer->overflow = 1;
    return 0;
  }
  if (buffer->length + bytes + 1 > buffer->capacity) {
    size_t capacity = buffer->capacity ? buffer->capacity : 16384;
    while (capacity < buffer->length + bytes + 1) capacity *= 2;
    char *grown = (char *)realloc(buffer->data, capacity);
    if (!grown) return 0;
    buffer->data = grown;
    buffer->capacity = capacity;
  }
  memcpy(buffer->data + buffer->length, data, bytes);
  buffer->length += bytes;
  return bytes;
}

static inline int paddock_http_global_init(void) { return (int)curl_global_init(CURL_GLOBAL_DEFAULT); }

/// One request, blocking the calling thread (in poll, not spinning) until the answer, an error or the timeout.
/// The body is cut at `limit` bytes (`overflow` is set). Free the result with paddock_http_free.
static inline void paddock_http_perform(
  const char *method, const char *url, const char *const *headers, int header_count, const char *body,
  size_t body_length, long timeout_ms, size_t limit, paddock_http_result *result) {
  memset(result, 0, sizeof *result);
  result->body.limit = limit;
  result->headers.limit = 1 << 20;
  CURL *curl = curl_easy_init();
  if (!curl) {
    result->code = CURLE_FAILED_INIT;
    strncpy(result->error, "libcurl could not start a request", CURL_ERROR_SIZE - 1);
    return;
  }
  struct curl_slist *list = NULL;
  for (int index = 0; index < header_count; index++) list = curl_slist_append(list, headers[index]);
  // No `Expect: 100-continue` pause before large bodies.
  list = curl_slist_append(list, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
  if (body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 15000 ? timeout_ms : 15000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, paddock_http_collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result->body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, paddock_http_collect);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result->headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, result->error);
  result->code = (int)curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result->status);
  if (result->code != CURLE_OK && result->error[0] == 0) {
    strncpy(result->error, curl_easy_strerror((CURLcode)result->code), CURL_ERROR_SIZE - 1);
  }
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
}

static inline int paddock_http_timed_out(const paddock_http_result *result) {
  return result->code == CURLE_OPERATION_TIMEDOUT;
}

static inline void paddock_http_free(paddock_http_result *result) {
  free(result->body.data);
  free(result->headers.data);
}
