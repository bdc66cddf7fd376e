#include "requestformat.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace {

const QString dash = QStringLiteral("—");

QString row(const QString &label, const QString &value)
{
    return QStringLiteral(
        "<tr><td style=\"padding-right:12px; white-space:nowrap;\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

// Upstream error bodies are often JSON on one line; indented they can be read.
QString readableError(const QString &error)
{
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(error.toUtf8(), &parseError);
    if (parseError.error == QJsonParseError::NoError && !json.isNull())
        return QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
    return error;
}

} // namespace

RequestFormat::StatusClass RequestFormat::statusClass(int status)
{
    if (status >= 200 && status < 400)
        return StatusClass::Success;
    if (status == 499)
        return StatusClass::Cancelled;
    if (status >= 400 && status < 500)
        return StatusClass::ClientError;
    if (status >= 500 && status < 600)
        return StatusClass::ServerError;
    return StatusClass::Other;
}

QString RequestFormat::statusDescription(int status)
{
    switch (status) {
    case 400:
        return tr("Bad request: the client sent something that could not be accepted.");
    case 401:
    case 403:
        return tr("Not allowed: an access token or a provider key was refused.");
    case 404:
        return tr("Not found: no provider serves this model, or the address does not exist.");
    case 408:
    case 504:
        return tr("Timed out: the provider did not answer in time.");
    case 413:
        return tr("Too large: the request is over the size limit.");
    case 429:
        return tr("Rate limited: the provider asked to slow down.");
    case 499:
        return tr("Cancelled: the client went away before the answer was complete.");
    case 502:
    case 503:
        return tr("Provider unavailable: it failed or could not be reached.");
    default:
        break;
    }
    switch (statusClass(status)) {
    case StatusClass::Success:
        return tr("Success.");
    case StatusClass::ClientError:
        return tr("Client error: the request was refused.");
    case StatusClass::ServerError:
        return tr("Server error: the request failed on the way or at the provider.");
    case StatusClass::Cancelled:
    case StatusClass::Other:
        break;
    }
    return tr("No answer was sent.");
}

QColor RequestFormat::statusColor(int status)
{
    // Mid tones: dark enough on white, light enough on a dark theme.
    switch (statusClass(status)) {
    case StatusClass::Success:
        return QColor(0x2e, 0x9d, 0x4f);
    case StatusClass::ClientError:
        return QColor(0xd9, 0x7a, 0x00);
    case StatusClass::ServerError:
        return QColor(0xe0, 0x3e, 0x3e);
    case StatusClass::Cancelled:
        return QColor(0x8a, 0x8a, 0x8a);
    case StatusClass::Other:
        break;
    }
    return {};
}

QString RequestFormat::time(qint64 epochMs)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(epochMs);
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return locale.toString(when.time(), QStringLiteral("HH:mm:ss"));
    return locale.toString(when, locale.dateFormat(QLocale::ShortFormat) + QStringLiteral(" HH:mm:ss"));
}

QString RequestFormat::fullTime(qint64 epochMs)
{
    const QLocale locale;
    return locale.toString(QDateTime::fromMSecsSinceEpoch(epochMs),
        locale.dateFormat(QLocale::LongFormat) + QStringLiteral(", HH:mm:ss.zzz"));
}

QString RequestFormat::duration(qint64 ms)
{
    if (ms < 0)
        return dash;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', ms < 10'000 ? 2 : 1));
}

QString RequestFormat::count(qint64 n)
{
    return n < 0 ? dash : QLocale().toString(n);
}

QString RequestFormat::tokens(qint64 prompt, qint64 completion)
{
    if (prompt < 0 && completion < 0)
        return dash;
    return tr("%1 → %2", "prompt tokens → completion tokens").arg(count(prompt), count(completion));
}

QString RequestFormat::provider(const QString &provider)
{
    if (provider.isEmpty())
        return tr("Switchyard itself");
    if (provider.startsWith(QLatin1String("node:"))) {
        const QString name = provider.mid(5).section(QLatin1Char('#'), 0, 0);
        return tr("%1 (Co-Link node)").arg(name);
    }
    return provider;
}

QString RequestFormat::providerToolTip(const RequestRecord &r)
{
    if (r.provider.isEmpty())
        return tr("Switchyard answered this request itself; no provider was asked.");
    if (r.localModel.isEmpty())
        return tr("Sent to %1.").arg(r.provider);
    return tr("Sent to %1 as the model %2.").arg(r.provider, r.localModel);
}

QString RequestFormat::detailsHtml(const RequestRecord &r)
{
    const QString yes = tr("Yes");
    const QString no = tr("No");
    const QString table = QStringLiteral("<table cellspacing=\"2\">");
    QString html = table;
    html += row(tr("Status"), tr("%1 — %2").arg(QString::number(r.status), statusDescription(r.status)));
    // The error first: it is what one opens a failed request for.
    if (!r.error.isEmpty()) {
        html += QStringLiteral("</table><p><b>%1</b></p><pre style=\"white-space:pre-wrap;\">%2</pre>")
                    .arg(tr("Error").toHtmlEscaped(), readableError(r.error).toHtmlEscaped());
        html += table;
    }
    html += row(tr("Received"), fullTime(r.timeMs));
    html += row(tr("Model"), r.publicModel.isEmpty() ? dash : r.publicModel);
    // The raw name here: a node's id tells two nodes of the same name apart.
    html += row(tr("Provider or node"),
        r.provider.isEmpty() ? tr("None: Switchyard answered this request itself.") : r.provider);
    html += row(tr("Model at the provider"), r.localModel.isEmpty() ? dash : r.localModel);
    html += row(tr("Attempts"), QString::number(r.attempts));
    html += row(tr("Latency"), duration(r.latencyMs));
    html += row(tr("Time to first byte"), duration(r.ttfbMs));
    html += row(tr("Prompt tokens"), count(r.promptTokens));
    html += row(tr("Completion tokens"), count(r.completionTokens));
    html += row(tr("Streamed"), r.stream ? yes : no);
    html += row(tr("Endpoint"), r.endpoint.isEmpty() ? dash : r.endpoint);
    html += row(tr("Client"), r.client.isEmpty() ? dash : r.client);
    return html + QStringLiteral("</table>");
}
