#pragma once

#include <QTimer>
#include <QWidget>

class ConfigEditor;
class Gateway;
class QCheckBox;
class QComboBox;
class QLabel;
class QTreeWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Where and how the gateway serves: listen address (applied at once), CORS origins, bans and retries, the
// access tokens clients must present (with their limits and use), the interface language and starting at login.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent = nullptr);

private:
    QWidget *buildServingGroup();
    QWidget *buildTokensGroup();
    QWidget *buildDesktopGroup();
    void load();
    void apply();
    void loadTokens();
    void generateToken();
    void revokeToken();
    void toggleToken();
    void showTokenOnce(const QString &name, const QString &token);

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QComboBox *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLabel *m_listenError = nullptr;
    QPlainTextEdit *m_cors = nullptr;
    QSpinBox *m_banSeconds = nullptr;
    QSpinBox *m_attempts = nullptr;
    QPushButton *m_apply = nullptr;
    QLabel *m_applyResult = nullptr;
    QTreeWidget *m_tokens = nullptr;
    QPushButton *m_toggleToken = nullptr;
    QTimer m_tokenRefresh;
    QLabel *m_tokenError = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
    QLabel *m_desktopError = nullptr;
};
