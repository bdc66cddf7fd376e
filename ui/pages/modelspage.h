#pragma once

#include <QSet>
#include <QWidget>

class ConfigEditor;
class Gateway;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
struct ProviderConfig;

// Public model names and, under each, the candidates that serve it: a provider's (or node's) local model with
// the provider's priority and weight. Public names, priorities and weights of providers are edited in place.
class ModelsPage final : public QWidget
{
    Q_OBJECT

public:
    ModelsPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent = nullptr);

private:
    void refresh();
    void onItemChanged(QTreeWidgetItem *item, int column);
    QString stateOf(const ProviderConfig &p, const QString &localModel) const;

    Gateway *m_gateway;
    ConfigEditor *m_editor;
    QTreeWidget *m_tree;
    QLabel *m_error;
    bool m_refreshing = false;
    QSet<QString> m_collapsed; // public names the user folded away
};
