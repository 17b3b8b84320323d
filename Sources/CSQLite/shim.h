// SQLite (Debian libsqlite3-dev), found through pkg-config as `sqlite3`.
#include <sqlite3.h>
