#include "modellister.h"

#include "core/logging.h"
#include "providers/registry.h"
#include "upstream/upstreampool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {

bool usableUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

// One entry of a list: OpenAI and Anthropic name it "id", Gemini (and Ollama's own API) "name".
QString modelName(const QJsonValue &entry)
{
    if (entry.isString())
        return entry.toString();
    const QJsonObject o = entry.toObject();
    QString name = o.value(QLatin1String("id")).toString();
    if (name.isEmpty())
        name = o.value(QLatin1String("name")).toString();
    // Gemini lists "models/gemini-x"; its adapter (and the user) want "gemini-x".
    if (name.startsWith(QLatin1String("models/")))
        name = name.mid(7);
    return name;
}

// Gemini lists embedding and other models that cannot chat; they say so in supportedGenerationMethods.
bool canChat(const QJsonValue &entry)
{
    const QJsonValue methods = entry.toObject().value(QLatin1String("supportedGenerationMethods"));
    return !methods.isArray() || methods.toArray().contains(QLatin1String("generateContent"));
}

} // namespace

ModelLister::Field ModelLister::Result::field() const
{
    switch (failure) {
    case Failure::KeyRefused:
        return Field::ApiKey;
    case Failure::InvalidUrl:
    case Failure::NoModelsEndpoint:
    case Failure::HostNotFound:
    case Failure::ConnectionRefused:
    case Failure::Tls:
    case Failure::Timeout:
    case Failure::Network:
    case Failure::NotJson:
    case Failure::NoModelList:
        return Field::BaseUrl;
    case Failure::None:
    case Failure::UnknownType:
    case Failure::HttpStatus:
        break;
    }
    return Field::None;
}

ModelLister::ModelLister(const QString &type, const QString &baseUrl, const QString &apiKey, QObject *parent)
    : QObject(parent)
    , m_adapter(ProviderRegistry::adapter(type))
    , m_type(type)
    , m_apiKey(apiKey)
{
    if (m_adapter)
        m_request = m_adapter->buildModelsRequest(baseUrl.trimmed(), apiKey);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort(); // finishes the reply, which reports the timeout
    });
}

ModelLister::~ModelLister()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QString ModelLister::target() const
{
    const QUrl &url = m_request.url;
    if (!usableUrl(url))
        return {};
    const bool tls = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    return url.host() + QLatin1Char(':') + QString::number(url.port(tls ? 443 : 80));
}

void ModelLister::start()
{
    if (m_started)
        return; // one job, one call
    m_started = true;
    Result refused;
    if (!m_adapter) {
        refused.failure = Failure::UnknownType;
        refused.message = tr("Switchyard does not know the provider type “%1”.").arg(m_type);
    } else if (!usableUrl(m_request.url)) {
        refused.failure = Failure::InvalidUrl;
        refused.message = tr("This is not a usable address. It should start with https:// (or http:// for a "
                             "server on your own network) and name a host, like https://api.example.com/v1.");
    }
    if (!refused.ok()) {
        // Later, so that a caller that shows a busy state after start() sees the answer after it.
        QTimer::singleShot(0, this, [this, refused] { finish(refused); });
        return;
    }

    m_network = new QNetworkAccessManager(this);
    // The same route the gateway's own calls take: the system proxy, except for servers on this machine.
    m_network->setProxy(UpstreamRoute::forUrl(m_request.url).proxy);
    QNetworkRequest request(m_request.url);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Switchyard/" SWITCHYARD_VERSION));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, &ModelLister::onReplyFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > maxBodyBytes && m_reply) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    qCDebug(lcUpstream) << "listing models at" << m_request.url.toString(QUrl::RemoveQuery);
    m_timer.start(m_timeoutMs);
}

void ModelLister::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    deleteLater();
}

void ModelLister::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    // An aborted reply (timeout, too large) is closed and has nothing to read.
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
    finish(resultOf(reply, body));
}

void ModelLister::finish(const Result &result)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    if (!result.ok())
        qCInfo(lcUpstream) << "listing models at" << m_request.url.toString(QUrl::RemoveQuery)
                           << "failed:" << result.message;
    Q_EMIT finished(result);
    deleteLater();
}

ModelLister::Result ModelLister::resultOf(QNetworkReply *reply, const QByteArray &body) const
{
    Result result;
    const QString host = target();
    if (m_timedOut) {
        const int seconds = qMax(1, (m_timeoutMs + 999) / 1000);
        result.failure = Failure::Timeout;
        result.message
            = tr("%1 did not answer within %n second(s). Check the address, and that this computer "
                 "can reach it.",
                nullptr, seconds)
                  .arg(host);
        return result;
    }
    if (m_tooLarge) {
        result.failure = Failure::NoModelList;
        result.message = tr("%1 sent more than %2 MB instead of a list of models. Check that the base URL "
                            "points at the API.")
                             .arg(m_request.url.toString(QUrl::RemoveQuery))
                             .arg(maxBodyBytes / (1024 * 1024));
        return result;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return networkFailure(reply);
    if (status < 200 || status > 299)
        return statusFailure(status, body);

    result.httpStatus = status;
    const std::optional<QStringList> models = parseModels(body);
    if (models) {
        result.models = *models;
        return result;
    }
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    const QString where = m_request.url.toString(QUrl::RemoveQuery);
    if (error.error != QJsonParseError::NoError) {
        result.failure = Failure::NotJson;
        result.message
            = tr("%1 answered, but not in JSON (it looks like a web page or plain text). Check that "
                 "the base URL points at the API and not at a website.")
                  .arg(where);
    } else {
        result.failure = Failure::NoModelList;
        result.message = tr("%1 answered, but its answer holds no list of models. Check that the provider "
                            "type matches this API.")
                             .arg(where);
    }
    return result;
}

ModelLister::Result ModelLister::networkFailure(QNetworkReply *reply) const
{
    Result result;
    const QString host = target();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
        result.failure = Failure::HostNotFound;
        result.message
            = tr("The host %1 could not be found. Check the spelling of the address, and that this "
                 "computer is online.")
                  .arg(m_request.url.host());
        break;
    case QNetworkReply::ConnectionRefusedError:
        result.failure = Failure::ConnectionRefused;
        result.message = tr("Nothing answers at %1: the connection was refused. Check the port, and that the "
                            "server is running.")
                             .arg(host);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        result.failure = Failure::Tls;
        result.message = tr("A secure connection to %1 could not be set up (%2). Check that the address "
                            "starts with the right http:// or https://.")
                             .arg(host, reply->errorString());
        break;
    case QNetworkReply::TimeoutError:
        result.failure = Failure::Timeout;
        result.message
            = tr("%1 did not accept a connection in time. Check the address, and that this computer "
                 "can reach it.")
                  .arg(host);
        break;
    case QNetworkReply::RemoteHostClosedError:
        result.failure = Failure::Network;
        result.message = tr("%1 closed the connection without answering. Check that the address starts with "
                            "the right http:// or https://.")
                             .arg(host);
        break;
    default:
        result.failure = Failure::Network;
        result.message = tr("Could not reach %1: %2").arg(host, reply->errorString());
        break;
    }
    return result;
}

ModelLister::Result ModelLister::statusFailure(int status, const QByteArray &body) const
{
    Result result;
    result.httpStatus = status;
    const QString said = providerMessage(body);
    if (status == 401 || status == 403) {
        result.failure = Failure::KeyRefused;
        if (m_apiKey.isEmpty())
            result.message = said.isEmpty()
                ? tr("The provider needs an API key (HTTP %1). Enter the key from your account.").arg(status)
                : tr("The provider needs an API key (HTTP %1). It said: “%2”").arg(status).arg(said);
        else
            result.message = said.isEmpty()
                ? tr(
                    "The provider refused the API key (HTTP %1). Check that you copied all of it and that it "
                    "is still active.")
                      .arg(status)
                : tr("The provider refused the API key (HTTP %1). It said: “%2”").arg(status).arg(said);
        return result;
    }
    if (status == 404) {
        result.failure = Failure::NoModelsEndpoint;
        result.message = tr("There is no list of models at %1. Check the base URL: OpenAI-compatible APIs "
                            "usually end in /v1. If it is right, this provider may not list its models; then "
                            "add them by hand.")
                             .arg(m_request.url.toString(QUrl::RemoveQuery));
        return result;
    }
    result.failure = Failure::HttpStatus;
    if (status == 429)
        result.message = said.isEmpty()
            ? tr("The provider is turning requests away for now (HTTP 429). Wait a moment and test again.")
            : tr("The provider is turning requests away for now (HTTP 429). It said: “%1”").arg(said);
    else
        result.message = said.isEmpty()
            ? tr("The provider answered with an error (HTTP %1).").arg(status)
            : tr("The provider answered with an error (HTTP %1): “%2”").arg(status).arg(said);
    return result;
}

// The provider's own words, in its error format, or a short plain-text body; never the key itself.
QString ModelLister::providerMessage(const QByteArray &body) const
{
    QString said = m_adapter->errorMessageOf(body).trimmed();
    if (said.isEmpty() && QJsonDocument::fromJson(body).isNull()) {
        const QString text = QString::fromUtf8(body).trimmed();
        if (text.size() <= 200 && !text.contains(QLatin1Char('<')))
            said = text;
    }
    if (!m_apiKey.isEmpty())
        said.replace(m_apiKey, redactSecret(m_apiKey));
    if (said.size() > 300)
        said = said.left(300) + QStringLiteral("…");
    return said;
}

std::optional<QStringList> ModelLister::parseModels(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QJsonArray list;
    if (doc.isArray()) {
        list = doc.array();
    } else if (doc.isObject()) {
        const QJsonObject root = doc.object();
        const QJsonValue data = root.value(QLatin1String("data"));
        const QJsonValue models = root.value(QLatin1String("models"));
        if (data.isArray())
            list = data.toArray();
        else if (models.isArray())
            list = models.toArray();
        else
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    QStringList names;
    bool named = false;
    for (const QJsonValue &entry : std::as_const(list)) {
        const QString name = modelName(entry);
        named = named || !name.isEmpty();
        if (!name.isEmpty() && canChat(entry) && !names.contains(name))
            names << name;
    }
    // Entries none of which has a name: some other list, not models.
    if (!named && !list.isEmpty())
        return std::nullopt;
    return names;
}
