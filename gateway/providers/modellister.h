#pragma once

#include "providers/adapter.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

// Asks a provider which models it serves, through its models endpoint, as "Test connection" does: one job
// that owns its request and its timeout and says what went wrong in words a user can act on.
// Lifetime: give it a parent. After start() it emits finished() exactly once and then deletes itself;
// abort(), or deleting it first (its parent closing), drops the request with no signal.
class ModelLister final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelLister)

public:
    // What went wrong, in categories a UI can place next to the setting at fault (see Result::field()).
    enum class Failure {
        None,
        InvalidUrl, // not http(s)://host/...
        UnknownType, // no adapter of that type
        KeyRefused, // 401 or 403
        NoModelsEndpoint, // 404
        HostNotFound,
        ConnectionRefused,
        Tls,
        Timeout,
        Network, // any other way of getting no answer
        NotJson, // an answer, but not JSON: a web page, usually
        NoModelList, // JSON, but no list of models in it (or far too much of it)
        HttpStatus, // another error status: 429, 5xx, ...
    };
    // The setting a failure points at.
    enum class Field { None, BaseUrl, ApiKey };

    struct Result final {
        Failure failure = Failure::None;
        QStringList models; // the provider's own names, in the provider's order, without duplicates
        QString message; // plain words in the user's language; empty on success
        int httpStatus = 0; // 0: no HTTP answer
        bool ok() const { return failure == Failure::None; }
        Field field() const;
    };

    // baseUrl empty: the adapter's default. apiKey may be empty (local servers).
    ModelLister(
        const QString &type, const QString &baseUrl, const QString &apiKey, QObject *parent = nullptr);
    ~ModelLister() override;

    // The whole call, connection included, must finish within this time. Set before start().
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void start();
    void abort();

    // "host:port" being asked, for a "Connecting to …" line; empty when the address is unusable.
    QString target() const;
    // The models endpoint being asked.
    QUrl url() const { return m_request.url; }

    // Model names in a models answer, whatever its dialect: OpenAI-compatible and Anthropic
    // {"data":[{"id":...}]}, Gemini {"models":[{"name":"models/x",...}]} ("models/" stripped, and only
    // models that can generateContent when the answer says what each supports), or a bare array of either.
    // nullopt when the body is not JSON or holds no such list.
    static std::optional<QStringList> parseModels(const QByteArray &body);

    static constexpr int defaultTimeoutMs = 20'000;
    static constexpr qint64 maxBodyBytes = 16 * 1024 * 1024;

Q_SIGNALS:
    void finished(const ModelLister::Result &result);

private:
    void onReplyFinished();
    Result resultOf(QNetworkReply *reply, const QByteArray &body) const;
    Result networkFailure(QNetworkReply *reply) const;
    Result statusFailure(int status, const QByteArray &body) const;
    QString providerMessage(const QByteArray &body) const;
    void finish(const Result &result);

    const ProviderAdapter *m_adapter;
    QString m_type;
    QString m_apiKey;
    UpstreamRequest m_request;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkReply *m_reply = nullptr;
    QTimer m_timer;
    int m_timeoutMs = defaultTimeoutMs;
    bool m_started = false;
    bool m_done = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
};
