// libcurl's easy interface behind one blocking call with fixed C types: curl_easy_setopt is variadic, which Swift
// cannot call. Nothing but this shim lives here; only PaddockNet imports it.
//
// libcurl is loaded when the first request is made, not when Paddock starts (see CCurl.c). The headers come from
// libcurl4-openssl-dev; at run time the library is the system's libcurl 4.
#ifndef PADDOCK_CCURL_H
#define PADDOCK_CCURL_H

#include <stddef.h>

/// libcurl's CURL_ERROR_SIZE, checked against curl.h where the shim is compiled.
#define PADDOCK_HTTP_ERROR_SIZE 256

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
  char error[PADDOCK_HTTP_ERROR_SIZE];
} paddock_http_result;

/// Loads libcurl and runs its global set-up, once; 0 when requests can be made. Otherwise
/// paddock_http_load_error() says why.
int paddock_http_global_init(void);

/// Why paddock_http_global_init failed (the loader's message), or an empty string.
const char *paddock_http_load_error(void);

/// One request, blocking the calling thread (in poll, not spinning) until the answer, an error or the timeout.
/// The body is cut at `limit` bytes (`overflow` is set). Call only after paddock_http_global_init returned 0. Free
/// the result with paddock_http_free.
void paddock_http_perform(
  const char *method, const char *url, const char *const *headers, int header_count, const char *body,
  size_t body_length, long timeout_ms, size_t limit, paddock_http_result *result);

/// Whether the request ended by its timeout.
int paddock_http_timed_out(const paddock_http_result *result);

void paddock_http_free(paddock_http_result *result);

#endif
