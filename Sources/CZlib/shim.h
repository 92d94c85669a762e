#include <zlib.h>

// inflateInit2 is a macro over inflateInit2_; Swift cannot call macros.
static inline int brain_inflate_init2(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
static inline int brain_deflate_init2(z_stream *stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
