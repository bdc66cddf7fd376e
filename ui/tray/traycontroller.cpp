#include "traycontroller.h"

#include "config/configeditor.h"
#include "gateway.h"
#include "mainwindow.h"
#include "node/nodeclient.h"
#include "storage/requestlog.h"

#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

TrayController::TrayController(Gateway *gateway, ConfigEditor *editor, MainWindow *window, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_editor(editor), m_window(window), m_menu(new QMenu),
      m_waitForTray(new QTimer(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_url = m_menu->addAction(QString());
    m_url->setEnabled(false);
    m_copy = m_menu->addAction(tr("Copy base URL"));
    m_today = m_menu->addAction(QString());
    m_today->setEnabled(false);
    m_menu->addSeparator();
    QAction *open = m_menu->addAction(tr("Open Switchyard"));
    m_share = m_menu->addAction(tr("Share this machine"));
    m_share->setCheckable(true);
    m_pause = m_menu->addAction(tr("Pause gateway"));
    m_pause->setCheckable(true);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit Switchyard"));

    connect(m_copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_gateway->baseUrl()); });
    connect(open, &QAction::triggered, this, [this] {
        if (m_window)
            m_window->raiseToFront();
    });
    connect(m_share, &QAction::triggered, this, [this](bool on) {
        if (on && m_editor->config().colink.serverUrl.isEmpty()) {
            // Nothing to share with yet: the Nodes page asks for the server.
            m_share->setChecked(false);
            if (m_window) {
                m_window->showPage(MainWindow::Page::Nodes);
                m_window->raiseToFront();
            }
            return;
        }
        m_editor->setSharing(on, [this](bool ok, const QString &error) {
            refresh();
            if (!ok && m_icon)
                m_icon->showMessage(tr("Switchyard could not change sharing"), error, QSystemTrayIcon::Warning);
        });
    });
    connect(m_pause, &QAction::triggered, this, &TrayController::setPaused);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::refreshRequestsToday);

    connect(gateway, &Gateway::listeningChanged, this, &TrayController::refresh);
    connect(gateway, &Gateway::requestFinished, this, [this] {
        ++m_requestsToday;
        refresh();
    });
    connect(gateway->node(), &NodeClient::statusChanged, this, &TrayController::refresh);
    connect(editor, &ConfigEditor::changed, this, &TrayController::refresh);
    connect(editor, &ConfigEditor::keychainChanged, this, &TrayController::refresh);

    connect(m_waitForTray, &QTimer::timeout, this, &TrayController::attachWhenAvailable);
    refreshRequestsToday();
    attachWhenAvailable();
    if (!m_icon)
        m_waitForTray->start(3000);
}

TrayController::~TrayController()
{
    delete m_icon;
    delete m_menu;
}

void TrayController::attachWhenAvailable()
{
    if (m_icon || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_waitForTray->stop();
    m_icon = new QSystemTrayIcon(this);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
#ifndef Q_OS_MACOS // there a click opens the menu; raising the window as well would be in the way
        if (reason == QSystemTrayIcon::Trigger && m_window)
            m_window->raiseToFront();
#else
        Q_UNUSED(reason);
#endif
    });
    refresh();
    m_icon->show();
    // From now on closing the window leaves Switchyard running in the tray.
    if (m_window)
        m_window->setHidesToTray(true);
    QApplication::setQuitOnLastWindowClosed(false);
}

void TrayController::setPaused(bool paused)
{
    if (paused == m_gateway->isPaused())
        return;
    if (paused) {
        m_gateway->pause();
    } else {
        QString error;
        if (!m_gateway->resume(&error) && m_window)
            m_window->setListenProblem(error);
    }
    refresh();
}

void TrayController::refreshRequestsToday()
{
    m_requestsToday = m_gateway->requestLog()->countToday();
    refresh();
}

void TrayController::refresh()
{
    const bool serving = m_gateway->isListening();
    const NodeClient::Status node = m_gateway->node()->status();
    const bool paused = m_gateway->isPaused();
    if (paused)
        m_state = AppIcon::State::Paused;
    else if (!serving || !m_editor->keychainAvailable())
        m_state = AppIcon::State::Error;
    else if (node.state == NodeClient::State::Connected)
        m_state = AppIcon::State::Sharing;
    else
        m_state = AppIcon::State::Serving;

    m_url->setText(serving ? m_gateway->baseUrl() : tr("Not serving"));
    m_copy->setEnabled(serving);
    m_today->setText(tr("Requests today: %1").arg(m_requestsToday));
    m_share->setChecked(m_gateway->node()->isEnabled());
    m_pause->setChecked(paused);
    m_pause->setEnabled(serving || paused); // nothing to pause when not serving

    if (!m_icon)
        return;
    // Painting the icon is not free and every new icon is a D-Bus signal: only when the state changes.
    if (m_shownState != m_state || m_icon->icon().isNull()) {
        m_shownState = m_state;
        m_icon->setIcon(AppIcon::forState(m_state));
    }
    QString tip;
    switch (m_state) {
    case AppIcon::State::Serving:
        tip = tr("Switchyard: serving at %1").arg(m_gateway->baseUrl());
        break;
    case AppIcon::State::Sharing:
        tip = tr("Switchyard: serving at %1 and sharing this machine").arg(m_gateway->baseUrl());
        break;
    case AppIcon::State::Paused:
        tip = tr("Switchyard: paused");
        break;
    case AppIcon::State::Error:
        tip = serving ? tr("Switchyard: the keychain is not available") : tr("Switchyard: not serving");
        break;
    }
    m_icon->setToolTip(tip);
}
