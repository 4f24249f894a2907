#include "widgets/collapse_alert.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "widgets/collapse.h"

namespace nas::widgets {

CollapseAlert::CollapseAlert(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("collapseAlert"));
    setStyleSheet(QStringLiteral(
        "#collapseAlert { background: #fff4e5; border: 1px solid #ffb74d; border-radius: 4px; }"
        "#collapseAlert QLabel { color: #663c00; }"));
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(24, 24));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("collapseAlertText"));
    m_text->setWordWrap(true);
    m_dismiss = new QToolButton(this);
    m_dismiss->setObjectName(QStringLiteral("collapseAlertDismiss"));
    m_dismiss->setText(QStringLiteral("\u00d7"));
    m_dismiss->setToolTip(tr("Hide this warning"));
    m_dismiss->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_dismiss);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        m_dismissedAt = m_fraction;
        setVisible(false);
    });
    setVisible(false);
}

void CollapseAlert::check(const space::Genotype& genotype) {
    m_fraction = parameterFreeFraction(genotype.normal);
    m_raised = isCollapsed(genotype.normal);
    if (!m_raised) {
        m_dismissedAt = -1.0;
        setVisible(false);
        return;
    }
    int free =
        static_cast<int>(m_fraction * static_cast<double>(genotype.normal.edges.size()) + 0.5);
    m_text->setText(
        tr("<b>The normal cell is collapsing:</b> %1 of its %2 edges are parameter-free ops "
           "(skip connections, pooling, none). Such cells score well in the supernet but train "
           "poorly; consider a stronger constraint, early stopping or another strategy.")
            .arg(free)
            .arg(genotype.normal.edges.size()));
    setVisible(m_dismissedAt != m_fraction);
}

void CollapseAlert::reset() {
    m_raised = false;
    m_dismissedAt = -1.0;
    m_fraction = 0.0;
    setVisible(false);
}

QString CollapseAlert::text() const { return m_text->text(); }

}  // namespace nas::widgets
