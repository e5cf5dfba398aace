#ifndef FORMWRIGHT_CLIBZIP_SHIM_H
#define FORMWRIGHT_CLIBZIP_SHIM_H
#include <zip.h>
#endif
