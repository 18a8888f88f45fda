#ifndef KHUYENCONG_CLIBXML2_SHIM_H
#define KHUYENCONG_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 headers pull in the system ICU; Swift then sees two definitions of
// UErrorCode and the first clean build fails (NOTES-toolchain). We never use the ICU
// fields of the encoding handler, so hide them.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void khuyencong_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
