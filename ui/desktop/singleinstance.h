#pragma once

#include <QObject>
#include <memory>

class QLocalServer;
class QLockFile;

// One Switchyard per user and configuration: a second launch asks the first to show its window, then exits.
class SingleInstance final : public QObject
{
    Q_OBJECT

public:
    // key tells instances apart (the config file path); the user is added, so users never collide.
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True: this is the only instance, and it now answers later launches. False: another one runs and was
    // asked to come to the front.
    bool claim();
    QString serverName() const { return m_name; }

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
    std::unique_ptr<QLockFile> m_lock;
};
