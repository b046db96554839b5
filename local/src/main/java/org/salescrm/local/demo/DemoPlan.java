package org.salescrm.local.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A believable sales organisation, the same on every run (fixed seed, dates relative to today): what the demo
 * loader writes. Two teams: east (rep-east-1, rep-east-2) and west (rep-west-1).
 */
final class DemoPlan {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final List<String> STAGES = List.of("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED", "NEGOTIATION", "WON");

    record KeyPerson(String name, String title, String department, String phone, String kpType, String buyingRole,
                     String attitude, boolean left) {
    }

    /** {@code finalStage} is one of STAGES or LOST; moves happen on {@code moveDates} (one per stage passed). */
    record Opportunity(String name, String productLine, long amount, LocalDate openedOn, LocalDate expectedCloseDate,
                       String finalStage, List<LocalDate> moveDates, String lostReason) {
    }

    record FollowUp(String action, int dueAfterDays, boolean completed) {
    }

    record Visit(int number, ZonedDateTime occurredAt, String method, String purpose, boolean purposeAchieved,
                 String sentiment, boolean metDecisionMaker, int durationMinutes, String summary, String feedback,
                 String needs, boolean forOpportunity, FollowUp nextAction) {
    }

    record Customer(String key, String owner, String team, String name, String grade, String industry, String region,
                    String scale, String source, String phone, String creditCode, String address,
                    List<KeyPerson> keyPersons, List<Opportunity> opportunities, List<Visit> visits, boolean churnRisk) {
    }

    record Owner(String user, String team, List<String> cities, int customers) {
    }

    static final List<Owner> OWNERS = List.of(
            new Owner("rep-east-1", "east", List.of("上海", "杭州", "苏州"), 14),
            new Owner("rep-east-2", "east", List.of("南京", "宁波", "合肥"), 12),
            new Owner("rep-west-1", "west", List.of("成都", "重庆", "西安"), 12));

    private static final String[] CORES = {"华信", "瑞丰", "恒通", "博远", "中科创", "天成", "新元", "汇智", "永安", "金桥",
        "润达", "鼎盛", "宏图", "联创", "海纳", "银河", "星辰", "明德", "安和", "启航", "卓越", "盛世", "德信", "康达", "东方明",
        "嘉禾", "凯旋", "蓝海", "万象", "锦程", "长风", "同舟", "青松", "远景", "华章", "普惠", "睿思", "众诚", "九州通达", "百川"};
    private static final String[][] INDUSTRIES = {{"科技", "信息技术"}, {"精密制造", "制造业"}, {"医药", "医药健康"},
        {"物流", "物流运输"}, {"新材料", "化工材料"}, {"食品", "食品饮料"}, {"电子", "电子元器件"}, {"能源", "新能源"}};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
        "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛",
        "明", "超", "秀英", "霞", "平", "刚", "建华", "晓东", "海燕", "志强", "文博", "思远", "雪梅", "国庆", "子涵", "俊杰"};
    private static final String[] PRODUCT_LINES = {"CRM 标准版", "数据中台", "智能终端", "实施服务"};
    private static final String[] SOURCES = {"展会", "转介绍", "官网咨询", "电话开发", "渠道伙伴"};
    private static final String[] SCALES = {"50-199人", "200-499人", "500-999人", "1000人以上"};
    private static final String[] METHODS = {"ONSITE", "ONSITE", "PHONE", "VIDEO", "MESSAGE", "EMAIL", "EVENT"};
    private static final String[] PURPOSES = {"需求调研", "方案演示", "商务洽谈", "技术交流", "关系维护", "回款跟进"};
    private static final String[] NEEDS = {"希望打通ERP与CRM数据", "需要移动端拜访打卡", "关注数据安全与私有化部署",
        "想要销售漏斗和业绩看板", "要求三个月内上线", "预算有限，倾向分期付款"};

    private DemoPlan() {
    }

    static List<Customer> build(LocalDate today) {
        Random random = new Random(20261122L);
        List<Customer> customers = new ArrayList<>();
        int[] deals = {0};
        int index = 0;
        for (Owner owner : OWNERS) {
            for (int n = 0; n < owner.customers(); n++, index++) {
                customers.add(customer(random, today, owner, n, index, deals));
            }
        }
        return customers;
    }

    private static Customer customer(Random random, LocalDate today, Owner owner, int n, int index, int[] deals) {
        String[] industry = INDUSTRIES[index % INDUSTRIES.length];
        String city = owner.cities().get(n % owner.cities().size());
        String grade = n % 4 == 0 ? "A" : n % 4 == 1 || n % 4 == 2 && n % 3 == 0 ? "B" : "C";
        // Every third A customer has been neglected for a month with a follow-up left overdue: a churn risk.
        boolean churnRisk = "A".equals(grade) && n % 3 == 0;
        String name = city + CORES[index % CORES.length] + industry[0] + (index % 5 == 0 ? "股份有限公司" : "有限公司");
        List<KeyPerson> keyPersons = keyPersons(random, index);
        List<Opportunity> opportunities = opportunities(random, today, grade, index, churnRisk, deals);
        List<Visit> visits = visits(random, today, grade, churnRisk, !opportunities.isEmpty());
        return new Customer("c" + index, owner.user(), owner.team(), name, grade, industry[1], city,
                SCALES[random.nextInt(SCALES.length)], SOURCES[random.nextInt(SOURCES.length)],
                String.format("0%02d-%08d", 10 + index % 80, 60_000_000 + index * 7919),
                String.format("91%06d%s", 310_000 + index * 37, creditTail(index)),
                city + "市" + (index % 9 + 1) + "号路" + (100 + index * 3) + "号",
                keyPersons, opportunities, visits, churnRisk);
    }

    private static String creditTail(int index) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder tail = new StringBuilder();
        long value = 1_000_003L * (index + 17);
        for (int i = 0; i < 10; i++) {
            tail.append(alphabet.charAt((int) (value % alphabet.length())));
            value = value / alphabet.length() + 7 * i + index;
        }
        return tail.toString();
    }

    private static List<KeyPerson> keyPersons(Random random, int index) {
        List<KeyPerson> people = new ArrayList<>();
        people.add(new KeyPerson(person(index * 3), index % 2 == 0 ? "总经理" : "采购总监", "管理层", mobile(index, 1),
                "DECISION_MAKER", "ECONOMIC_BUYER", random.nextInt(4) == 0 ? "NEUTRAL" : "SUPPORTER", false));
        people.add(new KeyPerson(person(index * 3 + 1), "信息部经理", "信息部", mobile(index, 2),
                "RECOMMENDER", "TECHNICAL_BUYER", "SUPPORTER", false));
        if (index % 3 == 0) {
            people.add(new KeyPerson(person(index * 3 + 2), "财务主管", "财务部", mobile(index, 3),
                    "FACILITATOR", "USER", random.nextBoolean() ? "NEUTRAL" : "OPPONENT", false));
        }
        if (index % 7 == 0) {
            // A decision maker who has left the company: one of the churn signals.
            people.add(new KeyPerson(person(index * 3 + 5), "前任副总裁", "管理层", mobile(index, 4),
                    "DECISION_MAKER", "ECONOMIC_BUYER", "SUPPORTER", true));
        }
        return people;
    }

    private static String person(int seed) {
        return SURNAMES[seed % SURNAMES.length] + GIVEN[(seed * 7 + 3) % GIVEN.length];
    }

    private static String mobile(int index, int n) {
        return String.format("13%d%08d", n + 5, 10_000_000 + index * 131 + n);
    }

    /**
     * The stage each deal ends in cycles over all deals ({@code deals} counts them) so that every stage, won and
     * lost included, has several deals.
     */
    private static List<Opportunity> opportunities(Random random, LocalDate today, String grade, int index, boolean stale,
                                                   int[] deals) {
        int count = switch (grade) {
            case "A" -> 2;
            case "B" -> 1;
            default -> index % 2;
        };
        List<Opportunity> planned = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int serial = deals[0]++;
            List<String> ends = List.of("TARGET", "POTENTIAL", "INTENT", "PROJECT", "ACKNOWLEDGED", "NEGOTIATION", "WON",
                    "LOST", "WON", "INTENT", "NEGOTIATION", "PROJECT");
            String end = ends.get(serial % ends.size());
            int age = 25 + random.nextInt(130);
            LocalDate opened = today.minusDays(age);
            int steps = "LOST".equals(end) ? 2 + random.nextInt(3) : STAGES.indexOf(end);
            // Deals of neglected customers stopped moving a while ago; the others moved recently.
            LocalDate lastMove = stale ? today.minusDays(35 + random.nextInt(10))
                    : today.minusDays(1 + random.nextInt(Math.max(2, Math.min(age - steps, 12))));
            if (!lastMove.isAfter(opened)) {
                lastMove = opened.plusDays(steps);
            }
            List<LocalDate> moves = new ArrayList<>();
            for (int s = 1; s <= steps; s++) {
                long span = java.time.temporal.ChronoUnit.DAYS.between(opened, lastMove);
                moves.add(opened.plusDays(Math.max(s, span * s / steps)));
            }
            long amount = (50 + random.nextInt(1950)) * 1000L;
            // A few open deals are past their expected close date: stalled as PAST_CLOSE_DATE.
            LocalDate close = serial % 9 == 4 ? today.minusDays(6 + random.nextInt(20)) : today.plusDays(20 + random.nextInt(100));
            planned.add(new Opportunity(PRODUCT_LINES[serial % PRODUCT_LINES.length] + "项目" + (k == 0 ? "" : "（二期）"),
                    PRODUCT_LINES[serial % PRODUCT_LINES.length], amount, opened, close, end, moves,
                    "LOST".equals(end) ? (serial % 2 == 0 ? "客户预算冻结，项目取消" : "竞争对手报价更低") : null));
        }
        return planned;
    }

    /** Months of visits; the visit cadence follows the grade, a neglected customer was last seen 30-45 days ago. */
    private static List<Visit> visits(Random random, LocalDate today, String grade, boolean churnRisk, boolean hasDeal) {
        int cadence = switch (grade) {
            case "A" -> 12;
            case "B" -> 26;
            default -> 55;
        };
        LocalDate last = churnRisk ? today.minusDays(31 + random.nextInt(14)) : today.minusDays(1 + random.nextInt(cadence / 2 + 1));
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate date = last; date.isAfter(today.minusDays(130)); date = date.minusDays(cadence - 3 + random.nextInt(7))) {
            dates.add(0, date);
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 0; v < dates.size(); v++) {
            boolean latest = v == dates.size() - 1;
            boolean negative = churnRisk && latest || random.nextInt(12) == 0;
            boolean achieved = !negative && random.nextInt(5) != 0;
            String purpose = PURPOSES[random.nextInt(PURPOSES.length)];
            ZonedDateTime at = dates.get(v).atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(4) * 15)).atZone(ZONE);
            FollowUp next = null;
            if (latest && churnRisk) {
                next = new FollowUp("寄送续约方案并约见总经理", 7, false);
            } else if (random.nextInt(3) == 0 || latest) {
                int due = 3 + random.nextInt(8);
                boolean pastDue = !dates.get(v).plusDays(due).isAfter(today);
                // Most past follow-ups were done; one in four was forgotten and is overdue now.
                next = new FollowUp(random.nextBoolean() ? "发送报价单" : "安排技术交流会", due, pastDue && random.nextInt(4) != 0);
            }
            visits.add(new Visit(v, at, METHODS[random.nextInt(METHODS.length)], purpose, achieved,
                    negative ? "NEGATIVE" : random.nextInt(3) == 0 ? "NEUTRAL" : "POSITIVE", random.nextInt(6) != 0,
                    30 + random.nextInt(8) * 15,
                    purpose + "：" + (negative ? "客户对交付进度不满，态度冷淡" : achieved ? "沟通顺利，达成下一步共识" : "客户暂无明确结论"),
                    negative ? "对上次实施质量有意见" : "认可我们的方案", NEEDS[random.nextInt(NEEDS.length)],
                    hasDeal && random.nextBoolean(), next));
        }
        return visits;
    }
}
