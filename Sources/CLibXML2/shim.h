#ifndef FORMWRIGHT_CLIBXML2_SHIM_H
#define FORMWRIGHT_CLIBXML2_SHIM_H
// libxml2 may be built with ICU support; its ICU headers clash with the ICU
// that Foundation bundles (UErrorCode defined twice). We never use libxml2's
// ICU encoding support, so switch it off before any other libxml header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlwriter.h>
#endif
