#pragma once

#include "upstream/upstreamexchange.h"

#include <QJsonObject>
#include <QPointer>

class HubNode;

// One CALL running on a hub node, presented to the relay as an HTTP answer in OpenAI format: STREAM
// events become "data:" lines (or the whole body when not streaming), FINISH ends it, and an ERROR before
// the first chunk becomes an error status.
class HubCall final : public UpstreamExchange
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubCall)

public:
    HubCall(HubNode *node, QString requestId, QString model, QJsonObject payload, bool stream, QObject *parent);
    ~HubCall() override;

    QString requestId() const { return m_requestId; }

    void start() override;
    void setPaused(bool paused) override;
    void abort() override; // sends CANCEL when the node is still working on it

    bool isPaused() const override { return m_paused; }
    int status() const override { return m_status; }
    QByteArray header(QByteArrayView name) const override;
    Failure failure() const override { return m_failure; }
    QString errorString() const override { return m_error; }
    bool refusedWithoutFault() const override { return m_refused; }

    // From the node's socket.
    void onStream(const QJsonObject &chunk);
    void onFinish();
    void onError(int code, const QString &message);
    void onNodeGone(const QString &why);

    // What a paused call holds for its caller before giving up on it (the node is never made to wait).
    static constexpr qint64 maxHeldBytes = 16 * 1024 * 1024;

private:
    void begin(int status, const QByteArray &contentType);
    void deliver(const QByteArray &bytes);
    void complete();
    void fail(Failure failure, const QString &why);
    void cancelOnNode();
    void detach();

    QPointer<HubNode> m_node;
    QString m_requestId;
    QString m_model;
    QJsonObject m_payload;
    bool m_stream;

    bool m_running = false;
    bool m_paused = false;
    bool m_finishHeld = false; // FINISH arrived while paused
    bool m_refused = false;
    int m_status = 0;
    QByteArray m_contentType;
    QByteArray m_held;
    Failure m_failure = Failure::None;
    QString m_error;
};
