#pragma once

#include <QMainWindow>

class ConfigEditor;
class Gateway;
class NoticeBar;
class QLabel;
class QListWidget;
class QStackedWidget;

// The main window: a sidebar of pages (Providers, Models, Nodes, Logs, Usage, Settings) under a header that
// says where the gateway serves, and notices for what needs the user (keychain, plaintext keys, port).
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum class Page { Providers, Models, Nodes, Logs, Usage, Settings };
    Q_ENUM(Page)

    MainWindow(Gateway *gateway, ConfigEditor *editor, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    // Without a tray the window is the app: closing it quits. With one, closing hides to the tray.
    void setHidesToTray(bool hides) { m_hidesToTray = hides; }
    // Why the gateway is not serving (a port in use at start-up, say); empty when it is.
    void setListenProblem(const QString &problem);
    // Brings the window to the front (a second launch, the tray).
    void raiseToFront();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page page, const QString &title, QWidget *widget);
    void refreshHeader();
    void refreshNotices();

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QLabel *m_serving = nullptr;
    NoticeBar *m_keychainNotice = nullptr;
    NoticeBar *m_plaintextNotice = nullptr;
    NoticeBar *m_listenNotice = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QString m_listenProblem;
    bool m_hidesToTray = false;
};
