#pragma once

#include <QMainWindow>

class Gateway;
class QLabel;
class QTableWidget;

// The first window: where the gateway listens and the latest requests. The full desktop UI (tray,
// providers, keychain, usage) grows from here.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(Gateway *gateway, QWidget *parent = nullptr);

private:
    void refreshStatus();

    Gateway *m_gateway;
    QLabel *m_status = nullptr;
    QTableWidget *m_requests = nullptr;
};
