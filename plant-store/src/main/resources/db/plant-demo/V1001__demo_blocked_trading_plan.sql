-- Demo data (applied only with myagents.demo-data=true): a trade-intent plan of the demo
-- trading agent that failed its risk checks, so CP shows that such a plan cannot be approved
-- (Plant refuses it too). Payload is canonical JSON (keys sorted, no whitespace); its hash is
-- computed from the very text, as in V1000.
with demo (canonical) as (
    values ('{"default_coin":"BTC","exchange":"delta_exchange_india","limits":{"max_units_per_order":2},"order":{"order_type":"market_order","product_symbol":"BTCUSD","side":"buy","size":5},"plan_status":"blocked_by_risk_checks","risk_checks":[{"check":"coin_allowed","detail":"BTC is an allowed coin","result":"pass"},{"check":"max_units_per_order","detail":"5 units asked, at most 2 allowed","result":"fail"}]}')
)
insert into deliverables (deliverable_id, goal_template_id, hired_instance_id, subscription_id, customer_id,
                          kind, state, payload, proposed_actions, payload_hash, suggested_for)
select '00000000-0000-0000-0000-00000000d002', 'trading.trade_intent_draft',
       '00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000a002',
       '00000000-0000-0000-0000-0000000c0001', 'trade_intent',
       'pending_review', canonical::jsonb, '[]'::jsonb, encode(sha256(convert_to(canonical, 'UTF8')), 'hex'),
       now() + interval '1 day'
from demo
on conflict (deliverable_id) do nothing;
