-- wrk script for etc/bench/run.sh: POST /api/petitions (or the baseline's /items) with a different
-- Chinese matter, petitioner, 身份证号 and phone on every request, so duplicate scoring, encryption and
-- hashing see realistic data. Env: TOKEN (bearer token; none for the baseline), BENCH_PATH.
local token = os.getenv("TOKEN")
local path = os.getenv("BENCH_PATH") or "/api/petitions"
local counter = 0
local thread_id = 0

local surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡" }
local given = { "建国", "秀英", "桂兰", "志强", "丽娟", "海燕", "国庆", "玉梅", "红霞", "德胜", "春生", "明华" }
local places = { "岱东社区", "财源街道", "泰前街道", "上高街道", "徐家楼街道", "省庄镇", "邱家店镇", "岱庙街道" }
local subjects = { "邻居", "物业公司", "施工单位", "村委会", "用人单位", "房东", "开发商", "承包人", "网约车平台" }
local acts = { "占用宅基地", "拖欠工资三个月", "噪音扰民", "漏水殃及楼下", "拒不退还押金", "违规堆放建筑垃圾",
  "擅自改变房屋结构", "未按合同交房", "拖欠土地流转费", "损坏公共道路", "饲养犬只伤人", "停车位被长期占用" }
local tails = { "多次协商未果", "社区调解未成", "已向街道反映两次", "要求尽快处理", "影响正常生活", "双方争执不下" }
local outcomes = { "恢复原状", "支付拖欠款项", "赔偿损失", "停止侵害", "依法处理", "退还押金" }
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"

local function pick(list) return list[math.random(#list)] end

local function id_card()
  local base = string.format("370902%04d%02d%02d%03d", math.random(1950, 1999), math.random(1, 12), math.random(1, 28), math.random(0, 999))
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(base:sub(i, i)) * weights[i] end
  local r = (sum % 11) + 1
  return base .. checks:sub(r, r)
end

function setup(thread)
  thread_id = thread_id + 1
  thread:set("thread_id", thread_id)
end

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

function request()
  counter = counter + 1
  local place = pick(places)
  local body = string.format(
    '{"channel":"Visit","petitioners":[{"name":"%s%s","idCardNumber":"%s","phone":"13%d%08d","address":"%s%d号"}],' ..
    '"matter":"%s%s，%s（第%d次登记）","requestedOutcome":"%s","place":"%s"}',
    pick(surnames), pick(given), id_card(), math.random(5, 9), math.random(0, 99999999), place, math.random(1, 200),
    pick(subjects), pick(acts), pick(tails), counter, pick(outcomes), place)
  local headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("RESULT rps=%.1f p50=%.1f p99=%.1f requests=%d timeouts=%d non2xx=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.timeout, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write))
end
