#pragma once

#include <QWidget>

class ConfigEditor;
class Gateway;
class QLabel;
class QPushButton;
class QTreeWidget;
struct ProviderConfig;

// The providers this machine uses: each with its state (ready, key refused, banned until, disabled), and the
// buttons to add, edit, switch off and delete them. Changes go through ConfigEditor.
class ProvidersPage final : public QWidget
{
    Q_OBJECT

public:
    ProvidersPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent = nullptr);

    // Opens the add dialog (also reached from the empty state and the tray).
    void addProvider();

private:
    void refresh();
    void updateButtons();
    void editSelected();
    void toggleSelected();
    void deleteSelected();
    QString selectedName() const;
    QString stateText(const ProviderConfig &p, QString *tooltip, int *severity) const;
    void report(bool ok, const QString &error);

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QTreeWidget *m_list;
    QLabel *m_empty;
    QLabel *m_error;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_delete;
};
