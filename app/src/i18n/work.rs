//! Strings of ticket work: clocks, actions, assignment and the agents' console.

use crate::domain::console::{Queue, Sort};
use crate::domain::lifecycle::{Action, TransitionError};
use crate::domain::settings_form::SettingsProblem;
use crate::domain::sla::ClockState;

/// Ticket-work strings.
pub struct WorkStrings {
    pub response_due: &'static str,
    pub resolve_due: &'static str,
    pub expected_times: &'static str,
    pub clock_running: &'static str,
    pub clock_warning: &'static str,
    pub clock_breached: &'static str,
    pub clock_paused: &'static str,
    pub clock_met: &'static str,
    pub clock_met_late: &'static str,
    pub due_at: &'static str,
    pub time_left: &'static str,
    pub time_over: &'static str,
    pub hours_minutes: &'static str,
    pub paused_waiting: &'static str,
    pub paused_waiting_staff: &'static str,
    pub resolved_confirm: &'static str,
    pub actions: &'static str,
    pub act_acknowledge: &'static str,
    pub act_start: &'static str,
    pub act_wait: &'static str,
    pub act_resolve: &'static str,
    pub act_close: &'static str,
    pub act_reopen: &'static str,
    pub act_confirm: &'static str,
    pub event_status: &'static str,
    pub event_assigned: &'static str,
    pub event_unassigned: &'static str,
    pub assignee: &'static str,
    pub unassigned: &'static str,
    pub assign: &'static str,
    pub assign_reason: &'static str,
    pub take: &'static str,
    pub nobody: &'static str,
    pub err_conflict: &'static str,
    pub err_not_from_here: &'static str,
    pub err_not_allowed: &'static str,
    pub err_reopen_window: &'static str,
    pub err_closed_reply: &'static str,
    pub err_not_agent: &'static str,
    pub console_title: &'static str,
    pub queue_unassigned: &'static str,
    pub queue_mine: &'static str,
    pub queue_breaching: &'static str,
    pub queue_waiting: &'static str,
    pub queue_all: &'static str,
    pub queues: &'static str,
    pub sort_by: &'static str,
    pub sort_due: &'static str,
    pub sort_priority: &'static str,
    pub sort_newest: &'static str,
    pub filter_category: &'static str,
    pub filter_priority: &'static str,
    pub any: &'static str,
    pub apply: &'static str,
    pub col_number: &'static str,
    pub col_subject: &'static str,
    pub col_requester: &'static str,
    pub col_status: &'static str,
    pub queue_empty: &'static str,
    pub auto_refresh: &'static str,
    pub earlier_tickets: &'static str,
    pub none_earlier: &'static str,
    pub system: &'static str,
    pub settings_title: &'static str,
    pub settings_intro: &'static str,
    pub settings_targets: &'static str,
    pub settings_respond: &'static str,
    pub settings_resolve: &'static str,
    pub settings_global: &'static str,
    pub settings_calendar: &'static str,
    pub settings_always: &'static str,
    pub settings_business: &'static str,
    pub settings_hours: &'static str,
    pub settings_weekdays: &'static str,
    pub settings_offset: &'static str,
    pub settings_holidays: &'static str,
    pub settings_workdays: &'static str,
    pub settings_lifecycle: &'static str,
    pub settings_reopen: &'static str,
    pub settings_quiet: &'static str,
    pub settings_save: &'static str,
    pub settings_saved: &'static str,
    pub err_minutes: &'static str,
    pub err_hours: &'static str,
    pub err_no_weekday: &'static str,
    pub err_offset: &'static str,
    pub err_date: &'static str,
    pub err_days: &'static str,
    pub mon: &'static str,
    pub tue: &'static str,
    pub wed: &'static str,
    pub thu: &'static str,
    pub fri: &'static str,
    pub sat: &'static str,
    pub sun: &'static str,
}

/// English.
pub static EN: WorkStrings = WorkStrings {
    response_due: "First response",
    resolve_due: "Resolution",
    expected_times: "Service times",
    clock_running: "on track",
    clock_warning: "due soon",
    clock_breached: "overdue",
    clock_paused: "paused",
    clock_met: "met",
    clock_met_late: "met late",
    due_at: "due",
    time_left: "{t} left",
    time_over: "{t} overdue",
    hours_minutes: "{h} h {m} min",
    paused_waiting: "The clock is paused while we wait for your answer; it restarts when you reply.",
    paused_waiting_staff: "Paused: waiting on the customer. The clock restarts when they reply or work resumes.",
    resolved_confirm: "We believe this is solved. Confirm to close it, or reopen it if the problem is back.",
    actions: "Actions",
    act_acknowledge: "Acknowledge",
    act_start: "Start work",
    act_wait: "Wait on customer",
    act_resolve: "Resolve",
    act_close: "Close",
    act_reopen: "Reopen",
    act_confirm: "Confirm it is solved",
    event_status: "changed the status",
    event_assigned: "assigned the ticket to",
    event_unassigned: "returned the ticket to the queue",
    assignee: "Assignee",
    unassigned: "Unassigned",
    assign: "Assign",
    assign_reason: "Reason (optional)",
    take: "Take it",
    nobody: "Nobody (back to the queue)",
    err_conflict: "Someone changed this ticket meanwhile. The page now shows the latest state; check it and try again.",
    err_not_from_here: "This step is not possible from the ticket's current status.",
    err_not_allowed: "You cannot take this step on this ticket.",
    err_reopen_window: "This ticket was closed too long ago to reopen. Please open a new ticket.",
    err_closed_reply: "This ticket is closed. Reopen it to continue, then reply.",
    err_not_agent: "That person is not an agent.",
    console_title: "Agent console",
    queue_unassigned: "Unassigned",
    queue_mine: "Mine",
    queue_breaching: "Breaching soon",
    queue_waiting: "Waiting on customer",
    queue_all: "All",
    queues: "Queues",
    sort_by: "Sort by",
    sort_due: "SLA due",
    sort_priority: "Priority",
    sort_newest: "Newest",
    filter_category: "Category",
    filter_priority: "Priority",
    any: "Any",
    apply: "Apply",
    col_number: "Number",
    col_subject: "Subject",
    col_requester: "Requester",
    col_status: "Status",
    queue_empty: "No tickets in this queue.",
    auto_refresh: "Refreshes on its own every 30 seconds.",
    earlier_tickets: "This customer's other tickets",
    none_earlier: "No other tickets.",
    system: "Support portal",
    settings_title: "Service levels and calendar",
    settings_intro: "Targets apply to tickets opened from now on; open tickets keep the targets they were opened under.",
    settings_targets: "Targets (minutes of service time)",
    settings_respond: "First response",
    settings_resolve: "Resolution",
    settings_global: "Global fault (major incident)",
    settings_calendar: "Service calendar",
    settings_always: "7×24: the clock always runs",
    settings_business: "Business hours only",
    settings_hours: "Opening hours (HH:MM-HH:MM)",
    settings_weekdays: "Open on",
    settings_offset: "Time zone offset from UTC (e.g. +08:00)",
    settings_holidays: "Public holidays (YYYY-MM-DD, one per line)",
    settings_workdays: "Make-up working days (YYYY-MM-DD, one per line)",
    settings_lifecycle: "Closing and reopening",
    settings_reopen: "Days a closed ticket can be reopened",
    settings_quiet: "Days before a resolved ticket closes on its own",
    settings_save: "Save settings",
    settings_saved: "Settings saved.",
    err_minutes: "Enter a whole number of minutes between 1 and 527040 (a year).",
    err_hours: "Enter opening hours as HH:MM-HH:MM, the start before the end.",
    err_no_weekday: "Choose at least one working weekday.",
    err_offset: "Enter the offset as +HH:MM, at most 14 hours.",
    err_date: "Enter each date as YYYY-MM-DD, for example 2026-10-01.",
    err_days: "Enter a whole number of days between 0 and 365.",
    mon: "Mon",
    tue: "Tue",
    wed: "Wed",
    thu: "Thu",
    fri: "Fri",
    sat: "Sat",
    sun: "Sun",
};

/// Simplified Chinese.
pub static ZH: WorkStrings = WorkStrings {
    response_due: "首次响应",
    resolve_due: "解决",
    expected_times: "服务时限",
    clock_running: "正常",
    clock_warning: "即将超时",
    clock_breached: "已超时",
    clock_paused: "暂停计时",
    clock_met: "已达成",
    clock_met_late: "超时后达成",
    due_at: "截止",
    time_left: "剩余 {t}",
    time_over: "已超时 {t}",
    hours_minutes: "{h} 小时 {m} 分",
    paused_waiting: "等待您回复期间，处理时限暂停计时；您回复后恢复计时。",
    paused_waiting_staff: "暂停：等待客户。客户回复或恢复处理时重新计时。",
    resolved_confirm: "我们认为问题已解决。请确认并关闭；如问题仍在，可重新打开。",
    actions: "操作",
    act_acknowledge: "受理",
    act_start: "开始处理",
    act_wait: "等待客户",
    act_resolve: "标记已解决",
    act_close: "关闭",
    act_reopen: "重新打开",
    act_confirm: "确认已解决",
    event_status: "更改了状态",
    event_assigned: "将工单分配给",
    event_unassigned: "将工单退回未分配队列",
    assignee: "处理人",
    unassigned: "未分配",
    assign: "分配",
    assign_reason: "原因（可选）",
    take: "由我处理",
    nobody: "无（退回队列）",
    err_conflict: "其他人刚刚修改了此工单。页面已显示最新状态，请确认后重试。",
    err_not_from_here: "工单当前状态下不能执行此操作。",
    err_not_allowed: "您不能对此工单执行此操作。",
    err_reopen_window: "此工单关闭时间过久，无法重新打开，请提交新工单。",
    err_closed_reply: "此工单已关闭。如需继续，请先重新打开再回复。",
    err_not_agent: "此人不是客服人员。",
    console_title: "客服工作台",
    queue_unassigned: "未分配",
    queue_mine: "我的",
    queue_breaching: "即将超时",
    queue_waiting: "等待客户",
    queue_all: "全部",
    queues: "队列",
    sort_by: "排序",
    sort_due: "时限",
    sort_priority: "优先级",
    sort_newest: "最新",
    filter_category: "分类",
    filter_priority: "优先级",
    any: "全部",
    apply: "筛选",
    col_number: "编号",
    col_subject: "主题",
    col_requester: "报告人",
    col_status: "状态",
    queue_empty: "此队列中没有工单。",
    auto_refresh: "每 30 秒自动刷新。",
    earlier_tickets: "该客户的其他工单",
    none_earlier: "没有其他工单。",
    system: "服务台系统",
    settings_title: "服务级别与服务日历",
    settings_intro: "时限只对此后新建的工单生效；已有工单保持创建时的时限。",
    settings_targets: "时限（服务时间，分钟）",
    settings_respond: "首次响应",
    settings_resolve: "解决",
    settings_global: "全局故障（重大事件）",
    settings_calendar: "服务日历",
    settings_always: "7×24：始终计时",
    settings_business: "仅工作时间计时",
    settings_hours: "工作时间（HH:MM-HH:MM）",
    settings_weekdays: "工作日",
    settings_offset: "相对 UTC 的时区偏移（如 +08:00）",
    settings_holidays: "法定节假日（YYYY-MM-DD，每行一个）",
    settings_workdays: "调休上班日（YYYY-MM-DD，每行一个）",
    settings_lifecycle: "关闭与重新打开",
    settings_reopen: "工单关闭后可重新打开的天数",
    settings_quiet: "已解决工单自动关闭前等待的天数",
    settings_save: "保存设置",
    settings_saved: "设置已保存。",
    err_minutes: "请输入 1 到 527040（一年）之间的整数分钟数。",
    err_hours: "请按 HH:MM-HH:MM 填写工作时间，开始时间须早于结束时间。",
    err_no_weekday: "请至少选择一个工作日。",
    err_offset: "请按 +HH:MM 填写时区偏移，最多 14 小时。",
    err_date: "请按 YYYY-MM-DD 填写日期，例如 2026-10-01。",
    err_days: "请输入 0 到 365 之间的整数天数。",
    mon: "周一",
    tue: "周二",
    wed: "周三",
    thu: "周四",
    fri: "周五",
    sat: "周六",
    sun: "周日",
};

impl WorkStrings {
    /// Label of an action button; customers "confirm" where agents "close".
    pub fn action(&self, a: Action, customer: bool) -> &'static str {
        match a {
            Action::Acknowledge => self.act_acknowledge,
            Action::Start => self.act_start,
            Action::WaitOnCustomer => self.act_wait,
            Action::Resolve => self.act_resolve,
            Action::Close if customer => self.act_confirm,
            Action::Close => self.act_close,
            Action::Reopen => self.act_reopen,
        }
    }

    /// Label of a clock state.
    pub fn clock(&self, c: ClockState) -> &'static str {
        match c {
            ClockState::Running => self.clock_running,
            ClockState::Warning => self.clock_warning,
            ClockState::Breached => self.clock_breached,
            ClockState::Paused => self.clock_paused,
            ClockState::Met => self.clock_met,
            ClockState::MetLate => self.clock_met_late,
        }
    }

    /// "3 h 5 min left" or "20 min overdue".
    pub fn remaining(&self, minutes: i64) -> String {
        let m = minutes.unsigned_abs();
        let t = self
            .hours_minutes
            .replace("{h}", &(m / 60).to_string())
            .replace("{m}", &(m % 60).to_string());
        let pattern = if minutes < 0 {
            self.time_over
        } else {
            self.time_left
        };
        pattern.replace("{t}", &t)
    }

    /// Name of a console queue.
    pub fn queue(&self, q: Queue) -> &'static str {
        match q {
            Queue::Unassigned => self.queue_unassigned,
            Queue::Mine => self.queue_mine,
            Queue::BreachingSoon => self.queue_breaching,
            Queue::Waiting => self.queue_waiting,
            Queue::All => self.queue_all,
        }
    }

    /// Name of a console order.
    pub fn sort(&self, s: Sort) -> &'static str {
        match s {
            Sort::Due => self.sort_due,
            Sort::Priority => self.sort_priority,
            Sort::Newest => self.sort_newest,
        }
    }

    /// What is wrong with a settings field.
    pub fn settings_problem(&self, p: SettingsProblem) -> &'static str {
        match p {
            SettingsProblem::Minutes => self.err_minutes,
            SettingsProblem::Hours => self.err_hours,
            SettingsProblem::NoWeekday => self.err_no_weekday,
            SettingsProblem::Offset => self.err_offset,
            SettingsProblem::Date => self.err_date,
            SettingsProblem::Days => self.err_days,
        }
    }

    /// Why a step was refused.
    pub fn refused(&self, e: TransitionError) -> &'static str {
        match e {
            TransitionError::NotFromHere => self.err_not_from_here,
            TransitionError::NotAllowed => self.err_not_allowed,
            TransitionError::ReopenWindowPassed => self.err_reopen_window,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_time_reads_naturally() {
        assert_eq!(EN.remaining(125), "2 h 5 min left");
        assert_eq!(ZH.remaining(-30), "已超时 0 小时 30 分");
    }
}
