import { Card, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { QueryError } from '../../components/states'
import { formatDateTime } from '../../lib/format'
import {
  budgetScope,
  formatTokens,
  formatUsd,
  useSpend,
  type BudgetRecord,
} from '../../lib/budgets'
import { BudgetBar, SpendOverTime } from '../budgets/spend'

/** The budgets that cover an agent (its own, its type's, the overall one) and its spend over time. */
export function AgentSpend({ agentId, agentName }: { agentId: string; agentName: string }) {
  const budgets = useSpend<BudgetRecord[]>(`agents/${agentId}/budgets`)
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="Budgets" size="small" extra={<Link to="/budgets">All budgets</Link>}>
        {budgets.error ? (
          <QueryError
            title="The budgets could not be loaded"
            error={{ message: budgets.error }}
            onRetry={budgets.reload}
          />
        ) : (
          <List<BudgetRecord>
            loading={budgets.loading}
            dataSource={budgets.data ?? []}
            locale={{ emptyText: 'No budget covers this agent: it may spend without a limit.' }}
            renderItem={(budget) => (
              <List.Item>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>
                      {budget.scope === 'agent' ? agentName : budgetScope(budget)}
                    </Typography.Text>
                    <Tag>{budget.period === 'day' ? 'daily' : 'monthly'}</Tag>
                    {budget.current.reached && <Tag color="red">reached</Tag>}
                    <Typography.Text type="secondary">
                      {formatUsd(budget.current.spent_usd)}
                      {budget.limit_usd !== null && ` of ${formatUsd(budget.limit_usd)}`}
                      {budget.limit_tokens !== null &&
                        ` · ${formatTokens(budget.current.spent_tokens)} of ${formatTokens(budget.limit_tokens)} tokens`}
                    </Typography.Text>
                  </Space>
                  <BudgetBar budget={budget} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    Resets {formatDateTime(budget.current.resets_at)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <SpendOverTime agentId={agentId} title="Spend" />
    </Space>
  )
}
