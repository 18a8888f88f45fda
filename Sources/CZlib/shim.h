#ifndef KHUYENCONG_CZLIB_SHIM_H
#define KHUYENCONG_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro (it passes ZLIB_VERSION and the struct size), which Swift does
/// not import: wrap it. Negative window bits: a raw deflate stream, as zip entries hold, with
/// no zlib header or trailer (the zip directory carries the CRC-32).
static inline int khuyencong_inflateInitRaw(z_streamp stream) {
  return inflateInit2(stream, -MAX_WBITS);
}

#endif
