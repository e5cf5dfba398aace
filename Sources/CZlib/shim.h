#ifndef FORMWRIGHT_CZLIB_SHIM_H
#define FORMWRIGHT_CZLIB_SHIM_H
#include <zlib.h>
#endif
