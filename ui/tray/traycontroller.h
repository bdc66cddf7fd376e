#pragma once

#include "appicon.h"

#include <QObject>
#include <QPointer>
#include <optional>

class ConfigEditor;
class Gateway;
class MainWindow;
class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

// The tray icon and its menu: where the gateway serves (with Copy), requests today, Open, Share this machine,
// Pause gateway, Quit. The icon shows the state. Without a system tray it waits for one to appear and, until
// then, the main window is the app.
class TrayController final : public QObject
{
    Q_OBJECT

public:
    TrayController(Gateway *gateway, ConfigEditor *editor, MainWindow *window, QObject *parent = nullptr);
    ~TrayController() override;

    AppIcon::State state() const { return m_state; }
    QMenu *menu() const { return m_menu; }
    void setPaused(bool paused);

private:
    void attachWhenAvailable();
    void refresh();
    void refreshRequestsToday();

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QPointer<MainWindow> m_window;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon = nullptr;
    QTimer *m_waitForTray;
    QAction *m_url;
    QAction *m_copy;
    QAction *m_today;
    QAction *m_share;
    QAction *m_pause;
    AppIcon::State m_state = AppIcon::State::Serving;
    std::optional<AppIcon::State> m_shownState;
    qint64 m_requestsToday = 0;
};
