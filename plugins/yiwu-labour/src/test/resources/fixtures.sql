-- 义乌 labour fixtures: one town, two villages, labour approvals as the platform stores them
INSERT INTO org_unit (code, name, level, parent_code) VALUES
  ('330782102000', '佛堂镇', 'TOWN', NULL),
  ('330782102201', '前店村', 'VILLAGE', '330782102000'),
  ('330782102202', '后宅村', 'VILLAGE', '330782102000');
INSERT INTO approval (kind, village, town, title, amount, data, state, definition_version, stage, step, seq, required,
                      filed_by, filer_user_id, created_at, updated_at, sla)
VALUES
  -- 前店村, June: 30,000 + 28,000 declared — over the 50,000 ceiling together
  ('LABOUR', '330782102201', '330782102000', '河道清理', 30000,
   '{"filing":{"plannedStart":"2026-06-01","plannedEnd":"2026-06-20","dailyRate":300,"workers":[{"name":"甲","phone":"13800000001"}]},
     "declaration":{"at":"2026-06-21T02:00:00Z","totalDays":100,"wages":30000}}', 'APPROVED', 1, 1, 1, 4, 1,
   'staff:bk', 'u1', '2026-05-30T01:00:00Z', '2026-06-22T01:00:00Z', 'GREEN'),
  ('LABOUR', '330782102201', '330782102000', '道路保洁', 28000,
   '{"filing":{"plannedStart":"2026-06-06","plannedEnd":"2026-06-25","dailyRate":200,"workers":[{"name":"乙","phone":"13800000002"}]},
     "declaration":{"at":"2026-06-26T02:00:00Z","totalDays":140,"wages":28000}}', 'PAID', 1, 1, 1, 4, 1,
   'staff:bk', 'u1', '2026-06-05T01:00:00Z', '2026-06-27T01:00:00Z', 'GREEN'),
  -- 后宅村, June: 9,000 only
  ('LABOUR', '330782102202', '330782102000', '绿化养护', 9000,
   '{"filing":{"plannedStart":"2026-06-06","plannedEnd":"2026-06-15","dailyRate":150,"workers":[{"name":"丙"}]},
     "declaration":{"at":"2026-06-16T02:00:00Z","totalDays":60,"wages":9000}}', 'PAID', 1, 1, 1, 4, 1,
   'staff:bk', 'u1', '2026-06-05T01:00:00Z', '2026-06-17T01:00:00Z', 'GREEN');
UPDATE approval SET paid_at = updated_at WHERE state = 'PAID';
