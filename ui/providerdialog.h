#pragma once

#include "config/config.h"
#include "providers/modellister.h"

#include <QDialog>
#include <QPointer>

class ModelMappingEditor;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;
struct ProviderPreset;

// "Add provider" and "Edit provider": a preset fills in what it can, "Test connection" asks the provider for
// its models, and every mistake is shown next to the field that caused it. The dialog neither reads nor
// writes the keychain or the config; the caller stores provider() and, when keyEdited(), apiKey().
class ProviderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProviderDialog)

public:
    // Adding. takenNames: the providers that exist (compared without letter case).
    explicit ProviderDialog(const QStringList &takenNames, QWidget *parent = nullptr);
    // Editing. takenNames may include existing.name; it does not count against itself. Settings the dialog
    // does not show (weight, priority, timeouts, ...) are kept as they are.
    ProviderDialog(const ProviderConfig &existing, const QStringList &takenNames, QWidget *parent = nullptr);
    ~ProviderDialog() override;

    bool isEditing() const { return m_editing; }
    // The provider as entered. Its key source: Keychain when a key was typed; when none was typed, the
    // existing source (editing), else None if the chosen preset needs no key. A renamed provider's stored
    // key is under its old keychainKey(); moving it is the caller's job.
    ProviderConfig provider() const;
    // The key as typed (trimmed), or empty.
    QString apiKey() const;
    bool keyEdited() const { return !apiKey().isEmpty(); }

    // The key stored for the provider being edited, so "Test connection" can use it while the field is
    // left empty. Never shown.
    void setStoredApiKey(const QString &key) { m_storedKey = key; }
    // How long "Test connection" waits for the provider.
    void setTestTimeout(int ms) { m_testTimeoutMs = ms; }
    bool isTesting() const { return !m_lister.isNull(); }

    void accept() override;
    void done(int result) override;

Q_SIGNALS:
    // A connection test has finished and its outcome is shown (for tests and for whoever waits on it).
    void testFinished(bool ok);

private:
    void buildUi();
    void fillPresets();
    void fillTypes();
    void applyPreset(int index);
    void selectPresetQuietly(const ProviderPreset *preset);
    void onBaseUrlEdited();
    void onTypeChanged();
    void updateKeyHints();
    void testConnection();
    void cancelTest();
    void onTestFinished(const ModelLister::Result &result);
    void setBusy(bool busy, const QString &target = {});
    bool validate();
    void revalidateIfShown();
    void showMessage(QLabel *label, const QString &text);
    const ProviderPreset *currentPreset() const;
    QString currentType() const;
    QString baseUrl() const;
    QString suggestedName(const QString &id) const;

    ProviderConfig m_original;
    bool m_editing = false;
    QStringList m_takenNames;
    QString m_storedKey;
    QString m_lastSuggestedName;
    QString m_lastPresetUrl;
    int m_testTimeoutMs = ModelLister::defaultTimeoutMs;
    bool m_validateLive = false; // after the first OK, every edit re-checks the form
    QPointer<ModelLister> m_lister;

    QComboBox *m_preset = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QComboBox *m_type = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLabel *m_baseUrlError = nullptr;
    QLineEdit *m_key = nullptr;
    QToolButton *m_showKey = nullptr;
    QLabel *m_keyError = nullptr;
    QLabel *m_keyHint = nullptr;
    QPushButton *m_test = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_testStatus = nullptr;
    ModelMappingEditor *m_models = nullptr;
    QLabel *m_modelsError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
