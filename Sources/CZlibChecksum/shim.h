// zlib (Debian zlib1g-dev), found through pkg-config as `zlib`: its CRC-32, which checks the parts of a workbook.
#include <zlib.h>
