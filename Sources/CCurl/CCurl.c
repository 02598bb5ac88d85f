// The HTTP shim over libcurl (include/CCurl.h).
//
// libcurl is loaded when the first request is made, not when Paddock starts: with the libraries it brings (TLS,
// Kerberos, LDAP, IDN, ...) it is twenty shared objects Paddock does not otherwise load, whose loading and
// relocation took about 4 ms of every run, a review with no model or GitHub call included. The headers come from
// libcurl4-openssl-dev; the library is the system's libcurl 4.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#include "CCurl.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(PADDOCK_HTTP_ERROR_SIZE == CURL_ERROR_SIZE, "libcurl changed CURL_ERROR_SIZE");

/// The libcurl functions the shim calls, looked up in the loaded library.
typedef struct {
  CURLcode (*global_init)(long);
  CURL *(*easy_init)(void);
  CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
  CURLcode (*easy_perform)(CURL *);
  CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
  const char *(*easy_strerror)(CURLcode);
  void (*easy_cleanup)(CURL *);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
} paddock_curl_functions;

static paddock_curl_functions paddock_curl;
/// Why libcurl could not be loaded, empty when it was.
static char paddock_curl_load_error[512];
static int paddock_curl_status = -1;
static pthread_once_t paddock_curl_once = PTHREAD_ONCE_INIT;

static void paddock_curl_load(void) {
  void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *reason = dlerror();
    snprintf(paddock_curl_load_error, sizeof paddock_curl_load_error, "%s", reason ? reason : "libcurl.so.4 not found");
    return;
  }
#define PADDOCK_CURL_SYMBOL(field, name)                                                                       \
  *(void **)(&paddock_curl.field) = dlsym(library, name);                                                    \
  if (!paddock_curl.field) {                                                                                 \
    snprintf(paddock_curl_load_error, sizeof paddock_curl_load_error, "libcurl.so.4 has no %s", name);      \
    return;                                                                                                  \
  }
  PADDOCK_CURL_SYMBOL(global_init, "curl_global_init")
  PADDOCK_CURL_SYMBOL(easy_init, "curl_easy_init")
  PADDOCK_CURL_SYMBOL(easy_setopt, "curl_easy_setopt")
  PADDOCK_CURL_SYMBOL(easy_perform, "curl_easy_perform")
  PADDOCK_CURL_SYMBOL(easy_getinfo, "curl_easy_getinfo")
  PADDOCK_CURL_SYMBOL(easy_strerror, "curl_easy_strerror")
  PADDOCK_CURL_SYMBOL(easy_cleanup, "curl_easy_cleanup")
  PADDOCK_CURL_SYMBOL(slist_append, "curl_slist_append")
  PADDOCK_CURL_SYMBOL(slist_free_all, "curl_slist_free_all")
#undef PADDOCK_CURL_SYMBOL
  CURLcode code = paddock_curl.global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    snprintf(paddock_curl_load_error, sizeof paddock_curl_load_error, "curl_global_init failed (%s)",
             paddock_curl.easy_strerror(code));
    return;
  }
  paddock_curl_status = 0;
}


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

/// Loads libcurl and runs its global set-up, once; 0 when requests can be made. Otherwise
/// paddock_http_load_error() says why.
int paddock_http_global_init(void) {
  pthread_once(&paddock_curl_once, paddock_curl_load);
  return paddock_curl_status;
}

/// Why paddock_http_global_init failed (the loader's message), or an empty string.
const char *paddock_http_load_error(void) { return paddock_curl_load_error; }

/// One request, blocking the calling thread (in poll, not spinning) until the answer, an error or the timeout.
/// The body is cut at `limit` bytes (`overflow` is set). Free the result with paddock_http_free.
void paddock_http_perform(
  const char *method, const char *url, const char *const *headers, int header_count, const char *body,
  size_t body_length, long timeout_ms, size_t limit, paddock_http_result *result) {
  memset(result, 0, sizeof *result);
  result->body.limit = limit;
  result->headers.limit = 1 << 20;
  CURL *curl = paddock_curl.easy_init();
  if (!curl) {
    result->code = CURLE_FAILED_INIT;
    strncpy(result->error, "libcurl could not start a request", CURL_ERROR_SIZE - 1);
    return;
  }
  struct curl_slist *list = NULL;
  for (int index = 0; index < header_count; index++) list = paddock_curl.slist_append(list, headers[index]);
  // No `Expect: 100-continue` pause before large bodies.
  list = paddock_curl.slist_append(list, "Expect:");
  paddock_curl.easy_setopt(curl, CURLOPT_URL, url);
  paddock_curl.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
  if (body) {
    paddock_curl.easy_setopt(curl, CURLOPT_POSTFIELDS, body);
    paddock_curl.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_length);
  }
  paddock_curl.easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  paddock_curl.easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
  paddock_curl.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 15000 ? timeout_ms : 15000L);
  paddock_curl.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  paddock_curl.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  paddock_curl.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  paddock_curl.easy_setopt(curl, CURLOPT_WRITEFUNCTION, paddock_http_collect);
  paddock_curl.easy_setopt(curl, CURLOPT_WRITEDATA, &result->body);
  paddock_curl.easy_setopt(curl, CURLOPT_HEADERFUNCTION, paddock_http_collect);
  paddock_curl.easy_setopt(curl, CURLOPT_HEADERDATA, &result->headers);
  paddock_curl.easy_setopt(curl, CURLOPT_ERRORBUFFER, result->error);
  result->code = (int)paddock_curl.easy_perform(curl);
  paddock_curl.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result->status);
  if (result->code != CURLE_OK && result->error[0] == 0) {
    strncpy(result->error, paddock_curl.easy_strerror((CURLcode)result->code), CURL_ERROR_SIZE - 1);
  }
  paddock_curl.slist_free_all(list);
  paddock_curl.easy_cleanup(curl);
}

int paddock_http_timed_out(const paddock_http_result *result) {
  return result->code == CURLE_OPERATION_TIMEDOUT;
}

void paddock_http_free(paddock_http_result *result) {
  free(result->body.data);
  free(result->headers.data);
}
