#pragma once

#include <QWidget>
#include <functional>

class ConfigEditor;
class Gateway;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTreeWidget;

// Co-Link, both ways: other machines' nodes connected to this gateway (hub), and this machine shared with a
// Co-Link server (node mode): server URL, client token (kept in the keychain), state, next retry, calls served.
class NodesPage final : public QWidget
{
    Q_OBJECT

public:
    NodesPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent = nullptr);

private:
    QWidget *buildSharingGroup();
    QWidget *buildHubGroup();
    void loadSettings();
    void saveSettings(const std::function<void()> &then = {});
    void refreshNodeStatus();
    void refreshHubNodes();
    void refreshNodeTokens();
    void generateNodeToken();
    void revokeNodeToken();

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QCheckBox *m_share = nullptr;
    QLineEdit *m_serverUrl = nullptr;
    QLineEdit *m_token = nullptr;
    QSpinBox *m_maxParallel = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_settingsError = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_detail = nullptr;
    QTreeWidget *m_hubNodes = nullptr;
    QLabel *m_hubNote = nullptr;
    QListWidget *m_nodeTokens = nullptr;
    QLabel *m_tokenError = nullptr;
};
