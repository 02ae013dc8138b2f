<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdmissionDialog</name>
    <message>
        <source>Admission hand-off</source>
        <translation>办理住院交接</translation>
    </message>
    <message>
        <source>e.g. 5th floor, cardiology ward</source>
        <translation>例如：5楼心内科病区</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <source>Receiving nurse</source>
        <translation>接收护士</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Check-in code, last 4 digits of the phone, or name</source>
        <translation>签到码、手机尾号4位或姓名</translation>
    </message>
    <message>
        <source>Find a booking</source>
        <translation>查找预约</translation>
    </message>
    <message>
        <source>Today's appointments</source>
        <translation>今日预约</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>签到（Enter）</translation>
    </message>
    <message>
        <source>Print ticket (P)</source>
        <translation>打印凭条（P）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>签到码</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Department · doctor</source>
        <translation>科室 · 医生</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>No booking matches.</source>
        <translation>没有符合的预约。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>待到</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>at the kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>at a desk</source>
        <translation>导医台</translation>
    </message>
    <message>
        <source>Arrived %1 %2</source>
        <translation>%1 已到（%2）</translation>
    </message>
    <message>
        <source>Expected — check-in open</source>
        <translation>待到 · 可签到</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>Today's appointments %1</source>
        <translation>今日预约 %1</translation>
    </message>
    <message>
        <source>%1 booked: %2 arrived, %3 expected, %4 late, %5 no-show (and %6 cancelled).</source>
        <translation>预约 %1 人：已到 %2，待到 %3，迟到 %4，爽约 %5（另有取消 %6）。</translation>
    </message>
    <message>
        <source>Choose a booking, or type its code, phone or name.</source>
        <translation>请选择预约，或输入签到码、手机号或姓名。</translation>
    </message>
    <message>
        <source>Choose a booking first.</source>
        <translation>请先选择一条预约。</translation>
    </message>
    <message>
        <source>%1 has already arrived: ticket %2. P prints it again.</source>
        <translation>%1 已签到，号码 %2。按 P 可重打凭条。</translation>
    </message>
    <message>
        <source>This booking was cancelled; register the patient instead (F2).</source>
        <translation>此预约已取消，请为患者登记（F2）。</translation>
    </message>
    <message>
        <source>early</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation>迟到 %1 分钟</translation>
    </message>
    <message>
        <source>Booked for %1 (%2): %3</source>
        <translation>预约时间 %1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 checked in: ticket %2.</source>
        <translation>%1 已签到，号码 %2。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Opened</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Revealed</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>按手机号</translation>
    </message>
    <message>
        <source>a visit's timeline</source>
        <translation>一次就诊的经过</translation>
    </message>
    <message>
        <source>a case</source>
        <translation>一件投诉/咨询</translation>
    </message>
    <message>
        <source>a follow-up call</source>
        <translation>一次回访</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>按姓名</translation>
    </message>
    <message>
        <source>by phone and name</source>
        <translation>按手机号和姓名</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>details given in person</source>
        <translation>现场补充的信息</translation>
    </message>
    <message>
        <source>the access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Patient: full mobile number or id</source>
        <translation>患者：完整手机号或编号</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>较早</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>较新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Rows of the access log</source>
        <translation>访问日志的记录</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>查到</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A patient is found by a full 11-digit mobile number or an id.</source>
        <translation>请用完整的 11 位手机号或患者编号查找患者。</translation>
    </message>
    <message>
        <source>Asking the central server…</source>
        <translation>正在向中心服务器查询…</translation>
    </message>
    <message>
        <source>Checking every link of the chain…</source>
        <translation>正在逐条校验哈希链…</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>导出访问日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>, showing %1–%2</source>
        <translation>，显示第 %1–%2 条</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n link(s), none removed or changed.</source>
        <translation>
            <numerusform>哈希链完整：共 %n 条，无删除、无改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Head: %1 · %2</source>
        <translation>链头：%1 · %2</translation>
    </message>
    <message>
        <source>The chain is broken: someone changed the log outside FrontDesk.</source>
        <translation>哈希链已断开：有人在 FrontDesk 之外改动了日志。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>已保存 %n 条到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Ticket</source>
        <translation>号码</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Department · doctor</source>
        <translation>科室 · 医生</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>陪同导医</translation>
    </message>
    <message>
        <source>In stage</source>
        <translation>本环节</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总时长</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Speaks English</source>
        <translation>讲英语</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>投诉处理中</translation>
    </message>
    <message>
        <source>To receive</source>
        <translation>待接待</translation>
    </message>
    <message>
        <source>Escort needed</source>
        <translation>需陪同</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>复诊</translation>
    </message>
    <message>
        <source>Over the limit: more than %1 min in this stage</source>
        <translation>已超时：本环节超过 %1 分钟</translation>
    </message>
    <message>
        <source>Running long: more than %1 min in this stage</source>
        <translation>偏长：本环节超过 %1 分钟</translation>
    </message>
    <message>
        <source>Not triaged</source>
        <translation>未分诊</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人陪同</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Find a patient</source>
        <translation>查找患者</translation>
    </message>
    <message>
        <source>Department filter</source>
        <translation>按科室筛选</translation>
    </message>
    <message>
        <source>Stage filter</source>
        <translation>按环节筛选</translation>
    </message>
    <message>
        <source>Escort board</source>
        <translation>陪同看板</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我陪同的</translation>
    </message>
    <message>
        <source>Nobody escorting</source>
        <translation>无人陪同</translation>
    </message>
    <message>
        <source>Hide names</source>
        <translation>遮挡姓名</translation>
    </message>
    <message>
        <source>For a desk the public can see: names show as 王*丽</source>
        <translation>供公众可见的工位使用：姓名显示为 王*丽</translation>
    </message>
    <message>
        <source>Find ticket, name or phone</source>
        <translation>查找号码、姓名或手机号</translation>
    </message>
    <message>
        <source>Take escort</source>
        <translation>认领陪同</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>Hand off…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>转到…</translation>
    </message>
    <message>
        <source>Admission…</source>
        <translation>住院交接…</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离院</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Priority…</source>
        <translation>优先…</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>分诊</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>打印号票</translation>
    </message>
    <message>
        <source>Show name…</source>
        <translation>显示姓名…</translation>
    </message>
    <message>
        <source>▲ running long (amber)   ■ over the limit (red)   — keys work while the board has the focus; Enter opens the timeline</source>
        <translation>▲ 偏长（黄）   ■ 超时（红）   — 看板获得焦点时可用快捷键；回车打开时间线</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>%1 of %2 patients</source>
        <translation>显示 %1 / 共 %2 位患者</translation>
    </message>
    <message>
        <source>Undo for %1</source>
        <translation>撤销 %1 的上一步</translation>
    </message>
</context>
<context>
    <name>CallActions</name>
    <message>
        <source>Answer these too, or clear the survey: %1</source>
        <translation>请把这几题也问完，或清空问卷：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Added to the person's open complaint about this department.</source>
        <translation>已并入此人对该科室尚未办结的投诉。</translation>
    </message>
    <message>
        <source>A complaint was opened; its clocks are running.</source>
        <translation>已立投诉工单，时限开始计算。</translation>
    </message>
    <message>
        <source>A low score: a service-recovery case was opened for the department.</source>
        <translation>评分偏低：已为该科室立服务补救工单。</translation>
    </message>
    <message>
        <source>No free call can be made now.</source>
        <translation>现在没有可领取的回访。</translation>
    </message>
</context>
<context>
    <name>CaseAlarm</name>
    <message>
        <source>1 escalated case waits for you</source>
        <translation>1 件升级工单等您处理</translation>
    </message>
    <message>
        <source>%1 escalated cases wait for you</source>
        <translation>%1 件升级工单等您处理</translation>
    </message>
    <message>
        <source>Open the most overdue</source>
        <translation>打开超时最久的一件</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表扬</translation>
    </message>
    <message>
        <source>Service recovery</source>
        <translation>服务补救</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>24-hour line</source>
        <translation>24小时热线</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online message</source>
        <translation>网上留言</translation>
    </message>
    <message>
        <source>Kiosk survey</source>
        <translation>自助机评价</translation>
    </message>
    <message>
        <source>Call for a guide</source>
        <translation>呼叫导医</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访电话</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Apologised, process explained</source>
        <translation>已致歉并说明流程</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派发</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Solution agreed</source>
        <translation>已定处理方案</translation>
    </message>
    <message>
        <source>Person told: satisfied?</source>
        <translation>已反馈，待确认是否满意</translation>
    </message>
    <message>
        <source>Satisfied: follow up</source>
        <translation>满意，待回访</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Referred to a department</source>
        <translation>已转科室</translation>
    </message>
    <message>
        <source>Call-back promised</source>
        <translation>已承诺回电</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Take this case</source>
        <translation>由我处理</translation>
    </message>
    <message>
        <source>Give it back to the pool</source>
        <translation>退回待领取</translation>
    </message>
    <message>
        <source>Hand over to…</source>
        <translation>转交给…</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Correct a step</source>
        <translation>更正一步</translation>
    </message>
    <message>
        <source>Pause a clock</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Resume a clock</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>Apologised and explained</source>
        <translation>已致歉并说明</translation>
    </message>
    <message>
        <source>Set the track</source>
        <translation>设定处理方式</translation>
    </message>
    <message>
        <source>Dispatch to a department</source>
        <translation>派发给科室</translation>
    </message>
    <message>
        <source>Record the investigation</source>
        <translation>记录调查结果</translation>
    </message>
    <message>
        <source>Record the solution</source>
        <translation>记录处理方案</translation>
    </message>
    <message>
        <source>Person told the result</source>
        <translation>已向当事人反馈结果</translation>
    </message>
    <message>
        <source>Person is satisfied</source>
        <translation>当事人满意</translation>
    </message>
    <message>
        <source>Person is not satisfied</source>
        <translation>当事人不满意</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>记录答复</translation>
    </message>
    <message>
        <source>Refer to a department</source>
        <translation>转给科室</translation>
    </message>
    <message>
        <source>Promise a call-back</source>
        <translation>承诺回电</translation>
    </message>
    <message>
        <source>Took the case</source>
        <translation>领取工单</translation>
    </message>
    <message>
        <source>Gave it back to the pool</source>
        <translation>退回待领取</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已转交</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Corrected a step</source>
        <translation>更正步骤</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>暂停计时</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>恢复计时</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新开启</translation>
    </message>
    <message>
        <source>Track set</source>
        <translation>设定处理方式</translation>
    </message>
    <message>
        <source>Investigated</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>现场解决</translation>
    </message>
    <message>
        <source>Standard (5 working days)</source>
        <translation>一般（5个工作日）</translation>
    </message>
    <message>
        <source>Several departments (10 working days)</source>
        <translation>多部门（10个工作日）</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <source>Reply promise</source>
        <translation>答复承诺</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回电</translation>
    </message>
    <message>
        <source>Feedback (statutory)</source>
        <translation>反馈（法定）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>met in time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>met late</source>
        <translation>超时完成</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <source>(calendar not yet announced)</source>
        <translation>（该年放假安排尚未公布）</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
</context>
<context>
    <name>Cases</name>
    <message>
        <source>A complaint made at the kiosk</source>
        <translation>患者在自助机上的投诉</translation>
    </message>
    <message>
        <source>Low score on a follow-up call</source>
        <translation>回访低分</translation>
    </message>
    <message>
        <source>A complaint made on a follow-up call</source>
        <translation>回访中提出的投诉</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Kind filter</source>
        <translation>按类型筛选</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <source>Department filter</source>
        <translation>按科室筛选</translation>
    </message>
    <message>
        <source>Track filter</source>
        <translation>按处理方式筛选</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>The case's history</source>
        <translation>工单处理记录</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未结</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>新建工单（Ctrl+N）</translation>
    </message>
    <message>
        <source>Other steps</source>
        <translation>其他操作</translation>
    </message>
    <message>
        <source>Choose a case on the left, or press Ctrl+N for a new one.</source>
        <translation>请在左侧选择工单，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Every track</source>
        <translation>全部处理方式</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Every department</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>%1 open · %2 due today · %3 overdue</source>
        <translation>%1 件未结 · 今日到期 %2 件 · 已超时 %3 件</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>受理于 %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>联系人：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>科室：%1</translation>
    </message>
    <message>
        <source>Asks for: %1</source>
        <translation>诉求：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>(first deadline %1)</source>
        <translation>（原期限 %1）</translation>
    </message>
    <message>
        <source>escalated to the %1</source>
        <translation>已上报%1</translation>
    </message>
    <message>
        <source>No clock runs on this case.</source>
        <translation>此工单无计时。</translation>
    </message>
    <message>
        <source>%1 (Ctrl+Enter)</source>
        <translation>%1（Ctrl+回车）</translation>
    </message>
    <message>
        <source>duty lead</source>
        <translation>值班组长</translation>
    </message>
    <message>
        <source>centre's director</source>
        <translation>客服中心主任</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>院级</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Appointment check-in</source>
        <translation>预约签到</translation>
    </message>
    <message>
        <source>Check-in code</source>
        <translation>签到码</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Type the 6-character code from your booking message, or hold the message's QR code under the scanner.</source>
        <translation>请输入预约短信里的6位签到码，或把短信里的二维码放到扫码口下。</translation>
    </message>
    <message>
        <source>Mobile number used for the booking</source>
        <translation>预约时留的手机号</translation>
    </message>
    <message>
        <source>First character of the patient's name</source>
        <translation>就诊人姓名的第一个字</translation>
    </message>
    <message>
        <source>Call a guide</source>
        <translation>呼叫导医</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>Is this your appointment?</source>
        <translation>这是您的预约吗？</translation>
    </message>
    <message>
        <source>Tap your appointment, then check in.</source>
        <translation>请点选您的预约，再签到。</translation>
    </message>
    <message>
        <source>Please check the details, then check in.</source>
        <translation>请核对信息，然后签到。</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>是的，签到</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>不是，返回</translation>
    </message>
    <message>
        <source>Print my ticket again</source>
        <translation>再打印一次我的号票</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Complete the walk-in's details</source>
        <translation>补登记自助机散客信息</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住地区</translation>
    </message>
    <message>
        <source>The patient heard the privacy notice at the desk and agreed (in person)</source>
        <translation>患者已在导医台当面听取隐私告知并同意</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <source>System problem</source>
        <translation>系统故障</translation>
    </message>
    <message>
        <source>Difficult case</source>
        <translation>疑难个案</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>突发事件</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>In the building: %1 · calls for a guide still open: %2</source>
        <translation>在院患者：%1 人 · 未完成的呼叫导医：%2 条</translation>
    </message>
    <message>
        <source>walking with %1</source>
        <translation>正在陪同 %1</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <source>Hand over my shift…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <source>Add to the log</source>
        <translation>记入日志</translation>
    </message>
    <message>
        <source>What happened: a kiosk down, a difficult case, an incident…</source>
        <translation>发生了什么：自助机故障、疑难个案、突发事件……</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>日志类别</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>日志内容</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Taken over by %1 at %2</source>
        <translation>%1 已于 %2 接班</translation>
    </message>
    <message>
        <source>Hand-over from %1 at %2, waiting to be taken over: %3</source>
        <translation>%1 于 %2 交班，等待接班：%3</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接班</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{label} is required.</source>
        <translation>请填写{label}。</translation>
    </message>
    <message>
        <source>The survey cannot be used: {detail}</source>
        <translation>问卷内容有误：{detail}</translation>
    </message>
    <message>
        <source>There is no survey to answer right now; please ask a guide.</source>
        <translation>现在没有可以填写的问卷，请找导医帮忙。</translation>
    </message>
    <message>
        <source>Type the number as printed on your ticket, for example A001.</source>
        <translation>请照小票上的样子输入号码，例如 A001。</translation>
    </message>
    <message>
        <source>A phone number is a mobile (11 digits starting with 1) or a landline with its area code, e.g. 010-65123456.</source>
        <translation>电话号码应为手机号（以1开头的11位数字）或带区号的座机号，例如 010-65123456。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 1, e.g. 13812345678.</source>
        <translation>手机号应为以1开头的11位数字，例如 13812345678。</translation>
    </message>
    <message>
        <source>A name may contain Chinese characters, letters, spaces and “·” only.</source>
        <translation>姓名只能包含汉字、字母、空格和“·”。</translation>
    </message>
    <message>
        <source>{label} may be at most {max} characters.</source>
        <translation>{label}最多{max}个字。</translation>
    </message>
    <message>
        <source>Age must be a whole number from 0 to 130.</source>
        <translation>年龄应为0到130之间的整数。</translation>
    </message>
    <message>
        <source>That is not a valid choice for {label}.</source>
        <translation>{label}的选项无效。</translation>
    </message>
    <message>
        <source>We could not find this check-in code. Please check your booking message, or call a guide to help you.</source>
        <translation>没有找到这个签到码。请核对预约短信，或呼叫导医帮您。</translation>
    </message>
    <message>
        <source>We found no appointment today for this phone number. A guide can help you.</source>
        <translation>没有找到这个手机号今天的预约。请呼叫导医帮您。</translation>
    </message>
    <message>
        <source>Your appointment is on {date}, not today.</source>
        <translation>您的预约在{date}，不是今天。</translation>
    </message>
    <message>
        <source>This appointment has been cancelled.</source>
        <translation>这个预约已取消。</translation>
    </message>
    <message>
        <source>You have already checked in. Your number is {ticket}.</source>
        <translation>您已经签到过了，您的号码是 {ticket}。</translation>
    </message>
    <message>
        <source>You are early: check-in opens at {opens}.</source>
        <translation>您来早了：请在 {opens} 之后签到。</translation>
    </message>
    <message>
        <source>Your appointment time has passed. Please see a guide at the desk; they will help you.</source>
        <translation>您的预约时间已过，请到导医台，导医会帮您安排。</translation>
    </message>
    <message>
        <source>{label} was not found.</source>
        <translation>没有找到{label}。</translation>
    </message>
    <message>
        <source>A hand-over is taken over by the next shift, not by the one who wrote it.</source>
        <translation>交接班由下一班接班，不能由交班人自己接。</translation>
    </message>
    <message>
        <source>The booked time is {time}, outside the check-in window: write down why the patient is checked in now.</source>
        <translation>预约时间为 {time}，不在签到时段内：请写明现在为患者签到的原因。</translation>
    </message>
    <message>
        <source>This kiosk is still loading today’s appointments. Please wait a moment, or call a guide to help you.</source>
        <translation>自助机正在准备今天的预约，请稍候片刻，或呼叫导医帮您。</translation>
    </message>
    <message>
        <source>A visit cannot move from {from_stage} to {to_stage}.</source>
        <translation>不能从“{from_stage}”转到“{to_stage}”。</translation>
    </message>
    <message>
        <source>There is no stage called {stage}.</source>
        <translation>没有“{stage}”这个环节。</translation>
    </message>
    <message>
        <source>This patient has departed; reopen the visit first to continue.</source>
        <translation>这位患者已离院；如需继续，请先重新开启就诊。</translation>
    </message>
    <message>
        <source>{holder} is already escorting this patient.</source>
        <translation>{holder} 正在陪同这位患者。</translation>
    </message>
    <message>
        <source>Only the guide escorting this patient can do that.</source>
        <translation>只有正在陪同的导医才能这样做。</translation>
    </message>
    <message>
        <source>Nobody is escorting this patient now.</source>
        <translation>这位患者目前没有导医陪同。</translation>
    </message>
    <message>
        <source>{doctor} is not on duty in {department} today.</source>
        <translation>{doctor} 今天不在{department}出诊。</translation>
    </message>
    <message>
        <source>No ticket numbers are left for {department} today; please ask a guide.</source>
        <translation>{department}今天的号码已用完，请联系导医。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的岗位不能做这项操作。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码不对。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again after {until}.</source>
        <translation>登录失败次数过多，请在 {until} 之后再试。</translation>
    </message>
    <message>
        <source>Not saved: {field} breaks the record contract ({rule}). Please tell the system administrator.</source>
        <translation>没有保存：{field} 不符合记录规范（{rule}）。请把这条提示告诉系统管理员。</translation>
    </message>
    <message>
        <source>Not saved: this names a staff member who is not signed in on this desk. Please sign in again and retry.</source>
        <translation>没有保存：这项操作记在一位没有在本机登录的工作人员名下。请重新登录后再试。</translation>
    </message>
    <message>
        <source>The access log is kept on the central server, which this desk cannot reach now. Connect the desk, sign out and sign in again.</source>
        <translation>访问日志保存在中心服务器上，本工作站现在连不上它。请接通网络，退出后重新登录。</translation>
    </message>
    <message>
        <source>Say why you need to see it: it is kept in the access log.</source>
        <translation>请说明查看的原因：它会记入访问日志。</translation>
    </message>
    <message>
        <source>The purpose is too long: at most 200 characters, please.</source>
        <translation>用途写得太长了：请不超过 200 个字。</translation>
    </message>
    <message>
        <source>This case is closed; reopen it first (duty lead, quality or director).</source>
        <translation>这个工单已结案；如需继续，请先重新开启（值班组长、质控或主任）。</translation>
    </message>
    <message>
        <source>This case is not closed.</source>
        <translation>这个工单尚未结案。</translation>
    </message>
    <message>
        <source>This patient has no number yet: triage them to a department first.</source>
        <translation>这位患者还没有号码：请先分诊到科室。</translation>
    </message>
    <message>
        <source>This visit already has the patient's details.</source>
        <translation>这次就诊已有患者信息。</translation>
    </message>
    <message>
        <source>This follow-up call is already closed.</source>
        <translation>该回访已结束。</translation>
    </message>
    <message>
        <source>Not yet: a call closes as unreachable only after 3 failed attempts in two time slots of the day, on every valid number, before its deadline.</source>
        <translation>暂不能结束：须在期限前、于一天中两个不同时段、对每个有效号码共拨打失败 3 次后，方可按“无法联系”结束回访。</translation>
    </message>
    <message>
        <source>That number is not one of this person's valid numbers; add it first.</source>
        <translation>该号码不在此人的有效号码中，请先添加。</translation>
    </message>
    <message>
        <source>Take this call first: only the caller holding it records on it.</source>
        <translation>请先领取这个回访：只有领取它的人才能记录。</translation>
    </message>
    <message>
        <source>{holder} is calling this person; take another call.</source>
        <translation>{holder}正在回访这位患者，请领取别的回访。</translation>
    </message>
    <message>
        <source>Calls are given to follow-up, quality staff or the director only.</source>
        <translation>回访只能分派给回访员、质控人员或主任。</translation>
    </message>
    <message>
        <source>Waiting for the server to confirm this call is yours; it will be ready in a moment.</source>
        <translation>正在等服务器确认这个回访归您，请稍候片刻。</translation>
    </message>
    <message>
        <source>An exclusion is signed off by a duty lead, quality staff or the director.</source>
        <translation>排除回访须由值班组长、质控人员或主任签字确认。</translation>
    </message>
    <message>
        <source>Only a stage move of this visit that has not been corrected yet can be corrected.</source>
        <translation>只能更正这次就诊中尚未被更正的环节变更。</translation>
    </message>
</context>
<context>
    <name>EscortActions</name>
    <message>
        <source>Choose a patient on the board first.</source>
        <translation>请先在看板上选择一位患者。</translation>
    </message>
    <message>
        <source>You escort %1 now.</source>
        <translation>您已认领陪同 %1。</translation>
    </message>
    <message>
        <source>%1 released: nobody escorts them now.</source>
        <translation>已释放 %1：目前无人陪同。</translation>
    </message>
    <message>
        <source>Choose a guide.</source>
        <translation>请选择一位导医。</translation>
    </message>
    <message>
        <source>%1 handed off to %2.</source>
        <translation>%1 已转交给 %2。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 handed to ward %2, nurse %3.</source>
        <translation>%1 已交接至 %2，接收护士 %3。</translation>
    </message>
    <message>
        <source>Note kept for %1.</source>
        <translation>已为 %1 记下备注。</translation>
    </message>
    <message>
        <source>Shown for %1; kept in the access log.</source>
        <translation>已为 %1 显示完整信息，已记入访问日志。</translation>
    </message>
    <message>
        <source>The printer did not take the ticket (%1). The number is %2: write it down for the patient, or try again.</source>
        <translation>打印机没有打出号票（%1）。号码是 %2：请写给患者，或再试一次。</translation>
    </message>
    <message>
        <source>Ticket %1 printed.</source>
        <translation>号票 %1 已打印。</translation>
    </message>
    <message>
        <source>%1 has left the hospital.</source>
        <translation>%1 已离院。</translation>
    </message>
    <message>
        <source>Undone at once (wrong click)</source>
        <translation>误操作，立即撤销</translation>
    </message>
    <message>
        <source>Undone. The timeline keeps both steps.</source>
        <translation>已撤销。时间线保留两条记录。</translation>
    </message>
    <message>
        <source>%1 received at the desk.</source>
        <translation>已在导医台接待 %1。</translation>
    </message>
    <message>
        <source>Tick that the patient agreed to the privacy notice, in person.</source>
        <translation>请勾选：患者已当面同意隐私告知。</translation>
    </message>
    <message>
        <source>%1 received: details added, agreed in person.</source>
        <translation>%1 已接待：已补登记信息，患者当面同意。</translation>
    </message>
    <message>
        <source>Corrected. The timeline keeps both steps.</source>
        <translation>已更正。时间线保留两条记录。</translation>
    </message>
</context>
<context>
    <name>ExcludeDialog</name>
    <message>
        <source>Exclude from the calls</source>
        <translation>不再回访（排除）</translation>
    </message>
    <message>
        <source>Why: deceased, readmitted, … (required)</source>
        <translation>原因：已去世、再次住院……（必填）</translation>
    </message>
    <message>
        <source>The lead's user name</source>
        <translation>组长的用户名</translation>
    </message>
    <message>
        <source>The lead's password</source>
        <translation>组长的密码</translation>
    </message>
    <message>
        <source>A duty lead, quality staff or the director signs the exclusion off here, with their own password.</source>
        <translation>须由值班组长、质控人员或主任在本机输入本人密码签字确认。</translation>
    </message>
</context>
<context>
    <name>FollowUpFigures</name>
    <message>
        <source>Follow-up figures</source>
        <translation>回访统计</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last week (Monday's summary)</source>
        <translation>上周（周一小结）</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文字</translation>
    </message>
    <message>
        <source>Calls due in the period. Coverage = (done + unreachable + declined) / (due − excluded); reached = (done + declined) / (due − excluded); on time = closed by the deadline. A rate over fewer than %1 is grey.</source>
        <translation>统计期内到期的回访。回访率 =（完成 + 无法联系 + 拒访）/（应访 − 排除）；接通率 =（完成 + 拒访）/（应访 − 排除）；及时率 = 在时限内结束。样本少于 %1 的比率以灰色显示。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应访</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒访</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>逾期未访</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>回访率</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>接通率</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>及时率</translation>
    </message>
    <message>
        <source>Phone satisfaction</source>
        <translation>电话满意率</translation>
    </message>
    <message>
        <source>%1 · attempts per completed call: %2 · phone survey answers: %3</source>
        <translation>%1 · 每次成功回访平均拨打 %2 次 · 电话问卷 %3 份</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Follow-up calls</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose a call on the left.</source>
        <translation>请在左侧选择一条回访。</translation>
    </message>
    <message>
        <source>What was said (kept with the attempt)</source>
        <translation>通话要点（随本次拨打记录）</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>回电时间</translation>
    </message>
    <message>
        <source>Never call again (asked by the person)</source>
        <translation>本人要求不再致电</translation>
    </message>
    <message>
        <source>Another number, e.g. 010-65123456</source>
        <translation>其他号码，如 010-65123456</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>添加号码</translation>
    </message>
    <message>
        <source>Close as unreachable</source>
        <translation>按无法联系结束</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Take the next %1 calls (Ctrl+T)</source>
        <translation>领取接下来 %1 个回访 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Figures (Ctrl+G)</source>
        <translation>统计 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Last week's summary is due by 18:00 today</source>
        <translation>上周回访小结今天 18:00 前上交</translation>
    </message>
    <message>
        <source>Give the chosen calls to</source>
        <translation>把选中的回访分派给</translation>
    </message>
    <message>
        <source>Department filter</source>
        <translation>按科室筛选</translation>
    </message>
    <message>
        <source>Note on the call</source>
        <translation>回访备注</translation>
    </message>
    <message>
        <source>Another number</source>
        <translation>其他号码</translation>
    </message>
    <message>
        <source>The call's history</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Take this call (Ctrl+Enter)</source>
        <translation>领取这个回访 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Give it back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>回访原因</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>已拨</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>回访员</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>%1 took that follow-up call first; take another.</source>
        <translation>%1先领取了那个回访，请领取别的。</translation>
    </message>
    <message>
        <source>A call recorded here was on a call %1 held by then (the lease had run out); it is kept for the lead to see.</source>
        <translation>本机记录的一次回访当时已由%1领取（您的领取已过期）；记录已保留，请组长查看。</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>%1 起</translation>
    </message>
    <message>
        <source>me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>sent…</source>
        <translation>已领取，待确认…</translation>
    </message>
    <message>
        <source>%1 to call · %2 due today · %3 overdue · %4 mine</source>
        <translation>%1 条待回访 · 今天到期 %2 · 已超时 %3 · %4 条归我</translation>
    </message>
    <message>
        <source>call between %1</source>
        <translation>回访时段 %1</translation>
    </message>
    <message>
        <source>Only my calls (Ctrl+O)</source>
        <translation>只看我的 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Dial: %1</source>
        <translation>请拨打：%1</translation>
    </message>
    <message>
        <source>Numbers: %1</source>
        <translation>号码：%1</translation>
    </message>
</context>
<context>
    <name>FollowUpWords</name>
    <message>
        <source>Reached: call done</source>
        <translation>已接通，回访完成</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>Phone switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <source>Cannot be reached</source>
        <translation>无法接通</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>空号或停机</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>非本人</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>约定稍后回电</translation>
    </message>
    <message>
        <source>Declined the call</source>
        <translation>拒绝回访</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>不需回访</translation>
    </message>
    <message>
        <source>Closed as unreachable</source>
        <translation>无法联系，结束</translation>
    </message>
    <message>
        <source>Number added</source>
        <translation>添加号码</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Took the call</source>
        <translation>领取回访</translation>
    </message>
    <message>
        <source>Gave the call back</source>
        <translation>退回回访</translation>
    </message>
    <message>
        <source>Gave the call to a caller</source>
        <translation>分派回访</translation>
    </message>
    <message>
        <source>Numbers shown</source>
        <translation>查看号码</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>约定回电</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Missed: the deadline passed</source>
        <translation>逾期未访</translation>
    </message>
    <message>
        <source>Not yet callable</source>
        <translation>未到回访时间</translation>
    </message>
    <message>
        <source>Next day after a visit</source>
        <translation>门诊次日回访</translation>
    </message>
    <message>
        <source>After discharge</source>
        <translation>出院回访</translation>
    </message>
    <message>
        <source>72 h after a complaint</source>
        <translation>投诉处理后72小时回访</translation>
    </message>
    <message>
        <source>Low survey score</source>
        <translation>满意度低分回访</translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation>预约未到回访</translation>
    </message>
    <message>
        <source>The rule is met: this call may close as unreachable.</source>
        <translation>已满足规定，可按“无法联系”结束本次回访。</translation>
    </message>
    <message>
        <source>%1 of %2 failed attempts</source>
        <translation>已拨打失败 %1 次，须 %2 次</translation>
    </message>
    <message>
        <source>tried in %1 of %2 times of day</source>
        <translation>已在 %1 个时段拨打，须 %2 个</translation>
    </message>
    <message>
        <source>not yet tried: %1</source>
        <translation>尚未拨打：%1</translation>
    </message>
    <message>
        <source>the deadline has passed: missed</source>
        <translation>已过期限：记为漏访</translation>
    </message>
    <message>
        <source>Not yet unreachable: %1</source>
        <translation>暂不能按无法联系结束：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Ask:</source>
        <translation>询问：</translation>
    </message>
    <message>
        <source>Then the survey (Alt+S); to close:</source>
        <translation>再做满意度调查（Alt+S），结束语：</translation>
    </message>
    <message>
        <source>Given to you: the numbers are yours to call.</source>
        <translation>已分派给您：号码只向您显示。</translation>
    </message>
    <message>
        <source>Yours until %1: the numbers are shown to you only.</source>
        <translation>由您回访，至 %1：号码只向您显示。</translation>
    </message>
    <message>
        <source>Taken here; waiting for the server to confirm it is yours…</source>
        <translation>已在本机领取，正在等服务器确认…</translation>
    </message>
    <message>
        <source>Nobody is calling this person: take the call to see the numbers.</source>
        <translation>还没有人回访这位患者：领取后才能看到号码。</translation>
    </message>
    <message>
        <source>Given to %1.</source>
        <translation>已分派给%1。</translation>
    </message>
    <message>
        <source>%1 is calling this person (until %2).</source>
        <translation>%1正在回访这位患者（至 %2）。</translation>
    </message>
</context>
<context>
    <name>HandOffDialog</name>
    <message>
        <source>Hand off to another guide</source>
        <translation>转交给其他导医</translation>
    </message>
    <message numerus="yes">
        <source>escorting %n now</source>
        <translation>
            <numerusform>正陪同 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Who takes over?</source>
        <translation>由谁接手？</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over the shift</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>What the next shift must know:</source>
        <translation>下一班需要知道的事：</translation>
    </message>
    <message>
        <source>e.g. bed 12's family waits at the pharmacy; kiosk 2's printer is out of paper</source>
        <translation>例如：12床家属在药房等候；2号自助机打印机缺纸</translation>
    </message>
    <message>
        <source>What the next shift must know</source>
        <translation>下一班需要知道的事</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>Calls for a guide: %1 open, %2 waiting for someone</source>
        <translation>呼叫导医：%1 条未完成，%2 条无人响应</translation>
    </message>
    <message>
        <source>printer failed, ticket on screen</source>
        <translation>打印机故障，号票在屏幕上</translation>
    </message>
    <message>
        <source>complaint in a satisfaction survey</source>
        <translation>满意度调查中的投诉</translation>
    </message>
    <message>
        <source>■ EMERGENCY: chest pain, bleeding or trouble breathing — go now</source>
        <translation>■ 急症：胸痛、出血或呼吸困难——请立即前往</translation>
    </message>
    <message>
        <source>does not know which department: help them choose</source>
        <translation>不知道挂哪个科：请帮助选择</translation>
    </message>
    <message>
        <source>asks for a guide</source>
        <translation>请求导医帮助</translation>
    </message>
    <message>
        <source>speaks English</source>
        <translation>讲英语</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>号码 %1</translation>
    </message>
    <message>
        <source>%1 is on the way (answered after %2)</source>
        <translation>%1 正在赶去（%2 后响应）</translation>
    </message>
    <message>
        <source>■ still not resolved after %1: sent to the duty lead</source>
        <translation>■ %1 仍未处理完：已上报值班组长</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>已等 %1</translation>
    </message>
    <message>
        <source>■ sent to the duty lead: please go</source>
        <translation>■ 已上报值班组长：请您安排</translation>
    </message>
    <message>
        <source>■ sent to the duty lead</source>
        <translation>■ 已上报值班组长</translation>
    </message>
    <message>
        <source>I'm going</source>
        <translation>我去处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Help is coming now</source>
        <translation>马上有人来帮您</translation>
    </message>
    <message>
        <source>Stay where you are, at %1, and sit down if you can. A guide is coming at once. If you feel worse, tell anyone working here straight away.</source>
        <translation>请留在%1，尽量坐下。导医马上就到。如果感觉更不舒服，请立即告诉身边任何一位工作人员。</translation>
    </message>
    <message>
        <source>A guide is on the way</source>
        <translation>导医马上就来</translation>
    </message>
    <message>
        <source>Calling a guide for you</source>
        <translation>正在为您呼叫导医</translation>
    </message>
    <message>
        <source>Please stay here at %1. A guide will help you choose a department.</source>
        <translation>请在%1稍候，导医会来帮您选择科室。</translation>
    </message>
    <message>
        <source>Please stay here at %1. A guide will come to you.</source>
        <translation>请在%1稍等，导医会过来找您。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>We could not send your call. Please go to the guide desk near the entrance.</source>
        <translation>呼叫没有发送成功，请到入口附近的导医台。</translation>
    </message>
    <message>
        <source>Calling a guide…</source>
        <translation>正在呼叫导医…</translation>
    </message>
    <message>
        <source>✓ %1 is coming to you.</source>
        <translation>✓ 导医%1正在赶来。</translation>
    </message>
    <message>
        <source>A guide</source>
        <translation>一位导医</translation>
    </message>
    <message>
        <source>Waiting for a guide… This kiosk is not connected to the guide desks: if nobody comes, the guide desk is near the entrance.</source>
        <translation>正在等待导医……这台自助机没有连接导医台：如果没有人来，导医台就在入口附近。</translation>
    </message>
    <message>
        <source>Waiting for a guide to answer…</source>
        <translation>正在等待导医回应…</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Something went wrong. Please call a guide; they will help you.</source>
        <translation>出了点问题，请呼叫导医，导医会帮您。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>回到首页</translation>
    </message>
    <message>
        <source>Call a guide</source>
        <translation>呼叫导医</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>● Stand-alone</source>
        <translation>● 单机运行</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <source>⚠ Not ready: please call the IT desk</source>
        <translation>⚠ 未就绪：请联系信息科</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住区域</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Purpose of visit</source>
        <translation>就诊目的</translation>
    </message>
    <message>
        <source>Question or visit goal</source>
        <translation>咨询问题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>就诊记录</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>First character of the name</source>
        <translation>姓名的第一个字</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病区</translation>
    </message>
    <message>
        <source>Receiving nurse</source>
        <translation>接收护士</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Check-in code</source>
        <translation>签到码</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>What the person said</source>
        <translation>来访人陈述</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Relation to the patient</source>
        <translation>与患者关系</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>How the person was told</source>
        <translation>反馈方式</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>When to call back</source>
        <translation>回电时间</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日数</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>The person was told</source>
        <translation>已告知当事人</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked — %1</source>
        <translation>已锁定 — %1</translation>
    </message>
    <message>
        <source>Password to unlock</source>
        <translation>输入密码解锁</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>%1 calls for a guide are waiting</source>
        <translation>有 %1 条呼叫导医在等待</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move to a stage</source>
        <translation>转到环节</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <source>In a few words: what is it about?</source>
        <translation>一句话说明事由</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手机，或带区号的座机</translation>
    </message>
    <message>
        <source>(not yet known)</source>
        <translation>（暂不明确）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>事由(&amp;S)</translation>
    </message>
    <message>
        <source>What the person said</source>
        <translation>来访人陈述</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Contact &amp;name</source>
        <translation>联系人(&amp;N)</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note on this visit</source>
        <translation>本次就诊备注</translation>
    </message>
    <message>
        <source>e.g. needs a wheelchair at the lift; family waiting at pharmacy</source>
        <translation>例如：电梯口需要轮椅；家属在药房等候</translation>
    </message>
    <message>
        <source>Kept in the visit's timeline with your name, desk and time.</source>
        <translation>备注会连同您的姓名、导医台和时间记入就诊时间线。</translation>
    </message>
</context>
<context>
    <name>PhoneSurvey</name>
    <message>
        <source>Satisfaction survey on the phone (leave empty if not asked)</source>
        <translation>电话满意度调查（未调查可留空）</translation>
    </message>
    <message>
        <source>The person makes a complaint, or agrees to a formal complaint</source>
        <translation>对方提出投诉，或同意立为正式投诉</translation>
    </message>
    <message>
        <source>Alt+S, then a digit per rating: 1 very unhappy … 5 very happy; recommend 0–10.</source>
        <translation>按 Alt+S 后每题输入一个数字：1 很不满意 … 5 很满意；推荐意愿 0–10。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff only: enter the director's PIN</source>
        <translation>仅限工作人员：请输入主任密码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in a few minutes.</source>
        <translation>密码错误次数太多，请几分钟后再试。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>密码不对。</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>Emergency</source>
        <translation>急诊</translation>
    </message>
    <message>
        <source>Priority: elderly</source>
        <translation>优先：老年人</translation>
    </message>
    <message>
        <source>Priority: disabled</source>
        <translation>优先：残障人士</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>不优先</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Sorted first on every desk's board; the timeline keeps who set it and when.</source>
        <translation>在各导医台的看板上排在最前；时间线记下由谁、何时设置。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Check in outside the window</source>
        <translation>签到时段外签到</translation>
    </message>
    <message>
        <source>Why is the patient checked in now? Choose or write a reason.</source>
        <translation>为什么现在为患者签到？请选择或填写原因。</translation>
    </message>
    <message>
        <source>Arrived late (traffic, parking)</source>
        <translation>迟到（交通、停车）</translation>
    </message>
    <message>
        <source>Mistook the time of the appointment</source>
        <translation>记错了预约时间</translation>
    </message>
    <message>
        <source>The kiosk could not find the booking</source>
        <translation>自助机查不到预约</translation>
    </message>
    <message>
        <source>Went to another building first</source>
        <translation>先去了其他楼</translation>
    </message>
    <message>
        <source>Came early; the department can see them now</source>
        <translation>提前到达，科室现在可以接诊</translation>
    </message>
    <message>
        <source>A reason, in a few words</source>
        <translation>简要写明原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Kept with the check-in, with your name, desk and time.</source>
        <translation>与签到一起保存，并记下您的姓名、导医台和时间。</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register an arriving patient</source>
        <translation>导医登记</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>年龄(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mobile phone</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住区域</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>就诊目的</translation>
    </message>
    <message>
        <source>Question or visit goal</source>
        <translation>咨询问题</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Needs escort</source>
        <translation>全程陪同</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>（未询问）</translation>
    </message>
    <message>
        <source>See a doctor</source>
        <translation>看医生</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Has an appointment today</source>
        <translation>今天有预约</translation>
    </message>
    <message>
        <source>The patient asked for this doctor by name</source>
        <translation>患者点名要看这位医生</translation>
    </message>
    <message>
        <source>Elderly, disabled or frail: walk with them</source>
        <translation>老人、残障或体弱：需全程陪同</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>e.g. Chaoyang</source>
        <translation>例如：朝阳区</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>登记（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Returning patients</source>
        <translation>复诊患者</translation>
    </message>
    <message>
        <source>Type 4 or more digits of the phone, or the start of the name.</source>
        <translation>输入手机号的至少4位数字，或姓名的开头。</translation>
    </message>
    <message>
        <source>Not this patient: register as new</source>
        <translation>不是这位患者：按新患者登记</translation>
    </message>
    <message>
        <source>(triage later)</source>
        <translation>（稍后分诊）</translation>
    </message>
    <message>
        <source>(any doctor)</source>
        <translation>（不指定医生）</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人候诊</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3 visits</source>
        <translation>%1 · %2 · 就诊 %3 次</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 岁</translation>
    </message>
    <message>
        <source>Returning patient: %1 (%2 earlier visits)</source>
        <translation>复诊患者：%1（此前就诊 %2 次）</translation>
    </message>
    <message>
        <source>%1 is already registered with this phone. Pick them on the right, or press Register again to create a new patient.</source>
        <translation>这个手机号已登记过 %1。请在右侧选用，或再按一次“登记”新建患者。</translation>
    </message>
    <message>
        <source>no number yet: triage next</source>
        <translation>尚无号码：请接着分诊</translation>
    </message>
    <message>
        <source>Registered: %1 — %2</source>
        <translation>已登记：%1 — %2</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Show the name and phone</source>
        <translation>显示姓名和手机号</translation>
    </message>
    <message>
        <source>Why: e.g. calling back about a complaint</source>
        <translation>原因：例如 就投诉回电</translation>
    </message>
    <message>
        <source>Your role sees patients masked. Shown until you sign out; the access log keeps who saw whom, when and why.</source>
        <translation>您的角色看到的患者信息是隐去部分的。显示到您退出登录为止；访问日志会记下谁在何时因何看了谁。</translation>
    </message>
</context>
<context>
    <name>SatisfactionPage</name>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Figures by</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <source>Satisfaction figures</source>
        <translation>满意度数据</translation>
    </message>
    <message>
        <source>What patients wrote</source>
        <translation>患者留言</translation>
    </message>
    <message>
        <source>Patient satisfaction</source>
        <translation>患者满意度</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近7天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近30天</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文字</translation>
    </message>
    <message>
        <source>Bringing the figures up to date…</source>
        <translation>正在更新数据……</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>What the patient wrote</source>
        <translation>患者留言</translation>
    </message>
    <message>
        <source>Overall only</source>
        <translation>仅看总体</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按科室</translation>
    </message>
    <message>
        <source>By doctor</source>
        <translation>按医生</translation>
    </message>
    <message>
        <source>By guide</source>
        <translation>按导医</translation>
    </message>
    <message>
        <source>Rate: answers per patient who left in these days. Means are out of 5. Low: ratings of 1 or 2. NPS: patients who would recommend us (9–10) minus those who would not (0–6), in points from −100 to 100. Anonymous answers count only in the first row.</source>
        <translation>参评率：这些天离院患者中作出评价的比例。均分满分为5分。低分：1分或2分的评价。NPS（净推荐值）：愿意推荐（9–10分）减去不愿推荐（0–6分）的比例，取值−100到100。匿名评价只计入第一行。</translation>
    </message>
    <message>
        <source>The first day comes after the last day.</source>
        <translation>开始日期晚于结束日期，请重新选择。</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>全部评价</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离院数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>参评率</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低分</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>No answers from %1 to %2.</source>
        <translation>%1 至 %2 没有评价。</translation>
    </message>
    <message>
        <source>%3 answers from %1 to %2, from %4 patients who left (%5). NPS %6; %7 of ratings low; %8 complaints.</source>
        <translation>%1 至 %2：离院患者 %4 人，收到评价 %3 份（参评率 %5）。NPS %6；低分占 %7；投诉 %8 件。</translation>
    </message>
    <message>
        <source>From every desk's records, on the central server.</source>
        <translation>数据来自中心服务器，包含所有终端的记录。</translation>
    </message>
    <message>
        <source>The central server did not answer: these figures are from this desk's own records only.</source>
        <translation>中心服务器未响应：以下数字仅来自本机的记录。</translation>
    </message>
    <message>
        <source>What patients wrote (%1, newest first) — ⚑ a complaint, ▼ a low rating</source>
        <translation>患者留言（%1 条，最新在前）——⚑ 投诉，▼ 低分</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>未关联科室</translation>
    </message>
</context>
<context>
    <name>ShiftPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文字</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>导医</translation>
    </message>
    <message>
        <source>Average time per stage (patients still in a stage count up to now)</source>
        <translation>各环节平均用时（仍在环节中的患者计到此刻）</translation>
    </message>
    <message>
        <source>Arrivals by source</source>
        <translation>来源渠道统计</translation>
    </message>
    <message>
        <source>Average time per stage</source>
        <translation>各环节平均用时</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>班次报告</translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Calls for a guide</source>
        <translation>呼叫导医</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>导医</translation>
    </message>
    <message>
        <source>Escorted</source>
        <translation>陪同人数</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Average per stage</source>
        <translation>各环节平均（分钟）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>In it now (longest)</source>
        <translation>当前人数（最长分钟）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>%1 arrivals on %4, %2 departed, %3 still in the building.</source>
        <translation>%4 到院 %1 人，已离院 %2 人，仍在院 %3 人。</translation>
    </message>
    <message>
        <source>%1 calls, %2 answered; half were answered within %3 s, the slowest after %4 s; %5 went to the duty lead.</source>
        <translation>呼叫 %1 次，已响应 %2 次；半数在 %3 秒内响应，最慢 %4 秒；%5 次上报值班组长。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>FrontDesk — guide desk</source>
        <translation>FrontDesk — 导医台</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Screen language</source>
        <translation>界面语言</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>Internet</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Walked in</source>
        <translation>自行来院</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介</translation>
    </message>
    <message>
        <source>Returning patient</source>
        <translation>复诊患者</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>FrontDesk — guide desk</source>
        <translation>FrontDesk — 导医台</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Screen language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Board (F1)</source>
        <translation>看板（F1）</translation>
    </message>
    <message>
        <source>Register (F2)</source>
        <translation>登记（F2）</translation>
    </message>
    <message>
        <source>Triage (F3)</source>
        <translation>分诊（F3）</translation>
    </message>
    <message>
        <source>Appointments (F7)</source>
        <translation>预约（F7）</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>值班日志</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Cases (F5)</source>
        <translation>工单（F5）</translation>
    </message>
    <message>
        <source>Follow-up (F6)</source>
        <translation>回访（F6）</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>访问日志</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>导医</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>咨询员</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质控</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>主任</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>duty lead</source>
        <translation>值班组长</translation>
    </message>
    <message>
        <source>Stand-alone desk (no server)</source>
        <translation>独立运行（未连接服务器）</translation>
    </message>
    <message>
        <source>The desk could not open its data: %1</source>
        <translation>本机数据无法打开：%1</translation>
    </message>
    <message>
        <source>That is somebody else's password.</source>
        <translation>这是其他人的密码。</translation>
    </message>
    <message>
        <source>Your claim on %1 was refused: %2 got there first.</source>
        <translation>您对 %1 的认领未成功：%2 已先认领。</translation>
    </message>
    <message>
        <source>The server could not take a change made on this desk. It has been undone here and kept safe for the administrator; tell the duty lead.</source>
        <translation>服务器未能处理本机的一项修改。本机已撤销这项修改，原内容已妥善保存，等待管理员处理；请告知值班组长。</translation>
    </message>
    <message>
        <source>it is not allowed</source>
        <translation>不允许这样修改</translation>
    </message>
    <message>
        <source>the record it changes is unknown to the server</source>
        <translation>服务器上没有它所修改的记录</translation>
    </message>
    <message>
        <source>recorded steps cannot be changed</source>
        <translation>已记录的流程步骤不能更改</translation>
    </message>
    <message>
        <source>its data is not valid</source>
        <translation>数据无效</translation>
    </message>
    <message>
        <source>The server refused a change made on this desk (%1). It has been undone here and kept for the duty lead; please enter it again if it is still needed.</source>
        <translation>服务器拒绝了本机的一项修改（%1）。本机已撤销该修改，原内容已留存供值班组长查看；如仍需要，请重新录入。</translation>
    </message>
    <message>
        <source>That code is not a FrontDesk ticket.</source>
        <translation>这不是本院的号票二维码。</translation>
    </message>
    <message>
        <source>This ticket is not on today's board (departed or another day).</source>
        <translation>这张号票不在今天的看板上（已离院或不是今天）。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed. (%1)</source>
        <translation>出现错误，未做任何更改。（%1）</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Arrived</source>
        <translation>已到院</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已挂号</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候诊</translation>
    </message>
    <message>
        <source>In consultation</source>
        <translation>就诊中</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>取药</translation>
    </message>
    <message>
        <source>Admission hand-off</source>
        <translation>办理住院</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离院</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Give the number: %1</source>
        <translation>请告知电话：%1</translation>
    </message>
    <message>
        <source>This department has no phone number on file.</source>
        <translation>该科室尚未登记电话。</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>当面</translation>
    </message>
    <message>
        <source>By letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>By text message</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>How</source>
        <translation>反馈方式</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Working days more</source>
        <translation>延长工作日数</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>The person was told, with the new date</source>
        <translation>已告知当事人新的期限</translation>
    </message>
    <message>
        <source>To</source>
        <translation>转交给</translation>
    </message>
    <message>
        <source>Reason (told to the person where it concerns them)</source>
        <translation>原因（涉及当事人的需告知当事人）</translation>
    </message>
    <message>
        <source>Step to correct</source>
        <translation>要更正的步骤</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>Improvements</source>
        <translation>改进措施</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>To protect your privacy this screen will be cleared in %n second(s).</source>
        <translation>
            <numerusform>为保护您的隐私，屏幕将在 %n 秒后清空。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation>我还在，继续</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Rate your visit</source>
        <translation>评价本次就诊</translation>
    </message>
    <message>
        <source>Tell us how we did. Hold the QR code on your ticket under the scanner, or choose below.</source>
        <translation>请告诉我们您的感受。把小票上的二维码放到扫描口下方，或在下面选择。</translation>
    </message>
    <message>
        <source>Type my ticket number</source>
        <translation>输入小票上的号码</translation>
    </message>
    <message>
        <source>Answer without a ticket</source>
        <translation>不用小票，直接评价</translation>
    </message>
    <message>
        <source>Without a ticket your answers are not linked to your visit or to you.</source>
        <translation>不用小票时，您的回答不会与您或您的就诊记录关联。</translation>
    </message>
    <message>
        <source>Your ticket number, as printed (for example A001)</source>
        <translation>小票上的号码（例如 A001）</translation>
    </message>
    <message>
        <source>✓ This is a complaint</source>
        <translation>✓ 这是投诉，请转给工作人员</translation>
    </message>
    <message>
        <source>This is a complaint</source>
        <translation>这是投诉，请转给工作人员</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Send my answers</source>
        <translation>提交评价</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>很不满意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>很满意</translation>
    </message>
    <message>
        <source>0 = not at all likely</source>
        <translation>0 = 完全不会</translation>
    </message>
    <message>
        <source>10 = certainly</source>
        <translation>10 = 一定会</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢您！</translation>
    </message>
    <message>
        <source>We already have your answers for this visit. Thank you for coming back.</source>
        <translation>这次就诊您已经评价过了，谢谢您再来告诉我们。</translation>
    </message>
    <message>
        <source>We are sorry. Your complaint has been passed to our service staff, and someone will look into it today.</source>
        <translation>非常抱歉。您的投诉已转给客服人员，今天就会有人跟进处理。</translation>
    </message>
    <message>
        <source>Your answers help us look after every patient better.</source>
        <translation>您的评价帮助我们更好地照顾每一位患者。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>This desk was disconnected by a director</source>
        <translation>本机已被管理员停用</translation>
    </message>
    <message>
        <source>Bringing this desk up to date: {pct}%</source>
        <translation>正在同步本机数据：{pct}%</translation>
    </message>
    <message>
        <source>Online · last synced {at}</source>
        <translation>在线 · 最近同步 {at}</translation>
    </message>
    <message>
        <source>Offline for {n} min</source>
        <translation>离线 {n} 分钟</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source> · {n} changes waiting</source>
        <translation> · {n} 条待同步</translation>
    </message>
    <message>
        <source> · {n} received changes could not be read; tell the duty lead</source>
        <translation> · {n} 条收到的数据无法读取，请告知值班组长</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Checked in at %1</source>
        <translation>%1 签到</translation>
    </message>
    <message>
        <source>Appointment %1</source>
        <translation>预约 %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>医生：%1</translation>
    </message>
    <message>
        <source>A guide has been asked to come and walk with you.</source>
        <translation>已通知导医过来陪您就诊。</translation>
    </message>
    <message>
        <source>Show this ticket to any guide. After your visit, scan its code at a kiosk to rate it.</source>
        <translation>请把号票出示给导医。就诊后在自助机上扫码即可评价。</translation>
    </message>
    <message>
        <source>Please show this ticket at the guide desk: a guide will walk with you.</source>
        <translation>请凭此号票到导医台，导医会陪您就诊。</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <source>Say it again</source>
        <translation>再听一遍</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Guides scan this code</source>
        <translation>导医扫这个码</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>正在打印号票…</translation>
    </message>
    <message>
        <source>✓ Your ticket is printed. Please take it.</source>
        <translation>✓ 号票已打印，请取走。</translation>
    </message>
    <message>
        <source>⚠ The printer is not working. Please remember your number or take a photo of this screen; the guides have been told.</source>
        <translation>⚠ 打印机出了故障。请记住您的号码或给屏幕拍照；已通知导医。</translation>
    </message>
    <message>
        <source>⚠ The printer is not working. Please remember your number or take a photo of this screen, and show it at the guide desk.</source>
        <translation>⚠ 打印机出了故障。请记住您的号码或拍下这个屏幕，并到导医台出示。</translation>
    </message>
    <message>
        <source>Your number is %1</source>
        <translation>您的号码是 %1</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Visit timeline</source>
        <translation>就诊时间线</translation>
    </message>
    <message>
        <source>Why is it wrong? (required)</source>
        <translation>更正原因（必填）</translation>
    </message>
    <message>
        <source>Undo the last move (%1) with a correction:</source>
        <translation>以更正撤销最后一步（%1）：</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>自助机</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到院</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>转到 %1</translation>
    </message>
    <message>
        <source>Admission hand-off: ward %1, nurse %2</source>
        <translation>住院交接：%1，接收护士 %2</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离院</translation>
    </message>
    <message>
        <source>Escort taken</source>
        <translation>认领陪同</translation>
    </message>
    <message>
        <source>Escort released</source>
        <translation>释放陪同</translation>
    </message>
    <message>
        <source>Handed off to %1</source>
        <translation>转交给 %1</translation>
    </message>
    <message>
        <source>Triaged to %1</source>
        <translation>已分诊到 %1</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>已分诊</translation>
    </message>
    <message>
        <source>designated doctor</source>
        <translation>指定医生</translation>
    </message>
    <message>
        <source>Correction: %1</source>
        <translation>更正：%1</translation>
    </message>
    <message>
        <source>Received at the desk</source>
        <translation>导医台已接待</translation>
    </message>
    <message>
        <source>details given, privacy notice agreed in person</source>
        <translation>已补登记信息，当面同意隐私告知</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>(not accepted: another guide held the escort)</source>
        <translation>（未生效：其他导医已在陪同）</translation>
    </message>
    <message>
        <source>(corrected)</source>
        <translation>（已更正）</translation>
    </message>
</context>
<context>
    <name>TriagePage</name>
    <message>
        <source>Today's roster</source>
        <translation>今日排班</translation>
    </message>
    <message>
        <source>Department / doctor</source>
        <translation>科室 / 医生</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>擅长</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>出诊</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>诊室</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候诊</translation>
    </message>
    <message>
        <source>Designated: the patient asked for this doctor</source>
        <translation>指定：患者点名要看这位医生</translation>
    </message>
    <message>
        <source>Send the patient here</source>
        <translation>分诊到这里</translation>
    </message>
    <message>
        <source>Choose a patient on the board, then press Triage (F4).</source>
        <translation>请在看板上选择一位患者，再按“分诊”（F4）。</translation>
    </message>
    <message>
        <source>not triaged yet</source>
        <translation>尚未分诊</translation>
    </message>
    <message>
        <source>Triage %1 %2 (now: %3)</source>
        <translation>分诊 %1 %2（当前：%3）</translation>
    </message>
    <message>
        <source>in session now</source>
        <translation>正在出诊</translation>
    </message>
    <message>
        <source>later today</source>
        <translation>今日稍后出诊</translation>
    </message>
    <message>
        <source>sessions over</source>
        <translation>今日已停诊</translation>
    </message>
    <message>
        <source>AM</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>PM</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>夜间</translation>
    </message>
    <message>
        <source>%1's sessions today are over: the patient would wait for nobody. Choose a doctor in session, or only the department, unless you have checked.</source>
        <translation>%1 今天的出诊已结束，患者会白等。请选择正在出诊的医生，或只分到科室——除非您已经确认过。</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然分诊到此</translation>
    </message>
</context>
<context>
    <name>WalkInScreen</name>
    <message>
        <source>First visit: before we start</source>
        <translation>初诊登记：开始之前</translation>
    </message>
    <message>
        <source>First visit: about you</source>
        <translation>初诊登记：您的信息</translation>
    </message>
    <message>
        <source>First visit: why you came</source>
        <translation>初诊登记：来院目的</translation>
    </message>
    <message>
        <source>First visit: choose a department</source>
        <translation>初诊登记：选择科室</translation>
    </message>
    <message>
        <source>Chest pain, heavy bleeding or trouble breathing right now?</source>
        <translation>现在有胸痛、大量出血或呼吸困难吗？</translation>
    </message>
    <message>
        <source>Tap here: a guide comes to you at once.</source>
        <translation>请点这里：导医马上来到您身边。</translation>
    </message>
    <message>
        <source>I don't know which department</source>
        <translation>我不知道挂哪个科</translation>
    </message>
    <message>
        <source>Tap here: a guide will help you choose.</source>
        <translation>请点这里：导医会帮您选择。</translation>
    </message>
    <message>
        <source>I agree</source>
        <translation>我同意</translation>
    </message>
    <message>
        <source>I do not agree</source>
        <translation>我不同意</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Prefer not to say</source>
        <translation>不愿透露</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Why did you come today?</source>
        <translation>您今天来做什么？</translation>
    </message>
    <message>
        <source>To ask or see a doctor</source>
        <translation>咨询或看医生</translation>
    </message>
    <message>
        <source>For a treatment</source>
        <translation>来做治疗</translation>
    </message>
    <message>
        <source>In a few words (you may leave this empty)</source>
        <translation>简单说一下（可以不填）</translation>
    </message>
    <message>
        <source>How did you hear of us?</source>
        <translation>您是怎么知道我们的？</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Someone told me</source>
        <translation>别人介绍</translation>
    </message>
    <message>
        <source>I was passing by</source>
        <translation>路过</translation>
    </message>
    <message>
        <source>Home district (you may leave this empty)</source>
        <translation>居住区域（可以不填）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Get my number</source>
        <translation>取号</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>To register you, we write down your name, sex, age, mobile number and home district. They go to the hospital's system, which uses them only for your care. This kiosk keeps no copy: it deletes them as soon as the hospital has them (if its network is down, when it is back). Your ticket shows your name masked.</source>
        <translation>为了给您登记，我们会记下您的姓名、性别、年龄、手机号和居住区。这些信息交给医院的系统，只用于您的诊疗。这台自助机不留副本：医院一收到就删除（网络断开时，等网络恢复后删除）。号票上的姓名会隐去部分字。</translation>
    </message>
    <message>
        <source>To register you, we write down your name, sex, age, mobile number and home district. The hospital uses them only for your care. This kiosk deletes them when the day ends. Your ticket shows your name masked.</source>
        <translation>为了给您登记，我们会记下您的姓名、性别、年龄、手机号和居住区。医院只把它们用于您的诊疗。这台自助机在当天结束时删除它们。号票上的姓名会隐去部分字。</translation>
    </message>
    <message>
        <source>You may say no. You will still get a number, and a guide will come to help you.</source>
        <translation>您可以不同意。您仍会拿到号票，导医会来帮您。</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome. Please tap what you need.</source>
        <translation>欢迎！请点选您要办的事。</translation>
    </message>
    <message>
        <source>Appointment check-in
I booked in advance</source>
        <translation>预约签到
已经预约过的</translation>
    </message>
    <message>
        <source>First visit / walk-in
I have no appointment</source>
        <translation>初诊登记
没有预约的</translation>
    </message>
    <message>
        <source>Rate your visit
Tell us how we did</source>
        <translation>满意度评价
告诉我们做得怎样</translation>
    </message>
    <message>
        <source>Call a guide
A person will come to help</source>
        <translation>呼叫导医
工作人员会来帮您</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>正常字号</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>大字模式</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>OK (Ctrl+Enter)</source>
        <translation>确定（Ctrl+回车）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>