// libxlsxwriter (Debian libxlsxwriter-dev), found through pkg-config as `xlsxwriter`.
#include <xlsxwriter.h>
