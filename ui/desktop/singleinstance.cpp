#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLockFile>
#include <QLocalServer>
#include <QLocalSocket>

SingleInstance::SingleInstance(const QString &key, QObject *parent) : QObject(parent)
{
    const QByteArray user = qgetenv("USER").isEmpty() ? qgetenv("USERNAME") : qgetenv("USER");
    const QByteArray digest = QCryptographicHash::hash(QByteArray(user + '\0' + key.toUtf8()), QCryptographicHash::Sha256);
    m_name = QStringLiteral("switchyard-") + QString::fromLatin1(digest.toHex().left(16));
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::claim()
{
    // Two launches at once (autostart and a click) must not both win: the lock decides, the socket only
    // carries the "raise" message.
    m_lock = std::make_unique<QLockFile>(QDir(QDir::tempPath()).filePath(m_name + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0); // a crashed instance's lock is stale by its dead PID, whatever its age
    if (!m_lock->tryLock(200)) {
        QLocalSocket other;
        other.connectToServer(m_name);
        if (other.waitForConnected(1000)) {
            other.write("raise\n");
            other.waitForBytesWritten(500);
        }
        return false;
    }
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(500)) {
        probe.write("raise\n");
        probe.waitForBytesWritten(500);
        probe.disconnectFromServer();
        return false;
    }
    // Nobody answered: a socket file left by a crash is stale.
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name))
        return true; // cannot guard, but this instance still runs
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->readAll().contains("raise"))
                    Q_EMIT raiseRequested();
                socket->disconnectFromServer();
            });
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    return true;
}
