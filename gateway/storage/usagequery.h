#pragma once

#include "usagereport.h"

class QSqlDatabase;

// Reads a UsageReport for the local days firstDay..lastDay from the request log's table. Runs on the thread
// that owns the connection (the log's writer thread).
UsageReport queryUsage(const QSqlDatabase &database, const QDate &firstDay, const QDate &lastDay);
