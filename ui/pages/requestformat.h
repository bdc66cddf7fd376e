#pragma once

#include "storage/requestrecord.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

// How the Logs and Usage pages put a request's fields into words, so both say the same thing the same way.
class RequestFormat final {
    Q_DECLARE_TR_FUNCTIONS(RequestFormat)

public:
    enum class StatusClass { Success, ClientError, ServerError, Cancelled, Other };

    static StatusClass statusClass(int status);
    // One sentence saying what the status means for the user.
    static QString statusDescription(int status);
    // A colour for the status that reads on light and dark backgrounds; invalid for plain text.
    static QColor statusColor(int status);

    // "14:03:22" today, with the date on other days.
    static QString time(qint64 epochMs);
    static QString fullTime(qint64 epochMs);
    // "850 ms", "1.25 s"; "—" when negative (not known).
    static QString duration(qint64 ms);
    // "1,204 → 87"; "—" for a count that is not known, "—" alone when neither is.
    static QString tokens(qint64 prompt, qint64 completion);
    static QString count(qint64 n);
    // A provider for people: Co-Link nodes ("node:name#id") by name, "" (no provider asked) as Switchyard.
    static QString provider(const QString &provider);
    static QString providerToolTip(const RequestRecord &r);
    // Every field, the error in full, as HTML for a read-only text pane.
    static QString detailsHtml(const RequestRecord &r);
};
