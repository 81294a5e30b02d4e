-- Demo operators of the embedded default (myagents.demo-data=true), one per role. bcrypt hashes
-- (cost 12) of "ops-password", "support-password" and "auditor-password"; idempotent.
INSERT INTO operators (operator_id, email, password_hash, display_name, roles)
VALUES ('00000000-0000-0000-0000-0000000b0001', 'ops@myagents.local',
        '$2b$12$CnchgdMTrV2DIyBcHnn1c.KVgzF2gOU1y.Ki4piu2J4uamWdZ6N6e', 'Ops Admin', 'admin'),
       ('00000000-0000-0000-0000-0000000b0002', 'support@myagents.local',
        '$2b$12$KLuHsFIhoJ8eKDkEuEnoWur1JzvJl/ALqO.f28mFn1ekHq7lBQXmO', 'Support Desk', 'support'),
       ('00000000-0000-0000-0000-0000000b0003', 'auditor@myagents.local',
        '$2b$12$0ElhxJYiHxbIKEBqWwQjdupKeNR1P1WJoK3X8qGlK6NWVOlXxmfyS', 'Auditor', 'auditor')
ON CONFLICT (operator_id) DO NOTHING;
