<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_TW">
<context>
    <name>AdmissionDialog</name>
    <message>
        <source>Admission hand-off</source>
        <translation>辦理住院交接</translation>
    </message>
    <message>
        <source>e.g. 5th floor, cardiology ward</source>
        <translation>例如：5樓心內科病區</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病區</translation>
    </message>
    <message>
        <source>Receiving nurse</source>
        <translation>接收護士</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>Check-in code, last 4 digits of the phone, or name</source>
        <translation>簽到碼、手機尾號4位或姓名</translation>
    </message>
    <message>
        <source>Find a booking</source>
        <translation>查找預約</translation>
    </message>
    <message>
        <source>Today's appointments</source>
        <translation>今日預約</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>簽到（Enter）</translation>
    </message>
    <message>
        <source>Print ticket (P)</source>
        <translation>打印憑條（P）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>簽到碼</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Department · doctor</source>
        <translation>科室 · 醫生</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>號碼</translation>
    </message>
    <message>
        <source>No booking matches.</source>
        <translation>沒有符合的預約。</translation>
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
        <translation>遲到</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽約</translation>
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
        <translation>自助機</translation>
    </message>
    <message>
        <source>at a desk</source>
        <translation>導醫臺</translation>
    </message>
    <message>
        <source>Arrived %1 %2</source>
        <translation>%1 已到（%2）</translation>
    </message>
    <message>
        <source>Expected — check-in open</source>
        <translation>待到 · 可簽到</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>Today's appointments %1</source>
        <translation>今日預約 %1</translation>
    </message>
    <message>
        <source>%1 booked: %2 arrived, %3 expected, %4 late, %5 no-show (and %6 cancelled).</source>
        <translation>預約 %1 人：已到 %2，待到 %3，遲到 %4，爽約 %5（另有取消 %6）。</translation>
    </message>
    <message>
        <source>Choose a booking, or type its code, phone or name.</source>
        <translation>請選擇預約，或輸入簽到碼、手機號或姓名。</translation>
    </message>
    <message>
        <source>Choose a booking first.</source>
        <translation>請先選擇一條預約。</translation>
    </message>
    <message>
        <source>%1 has already arrived: ticket %2. P prints it again.</source>
        <translation>%1 已簽到，號碼 %2。按 P 可重打憑條。</translation>
    </message>
    <message>
        <source>This booking was cancelled; register the patient instead (F2).</source>
        <translation>此預約已取消，請為患者登記（F2）。</translation>
    </message>
    <message>
        <source>early</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation>遲到 %1 分鐘</translation>
    </message>
    <message>
        <source>Booked for %1 (%2): %3</source>
        <translation>預約時間 %1（%2）：%3</translation>
    </message>
    <message>
        <source>%1 checked in: ticket %2.</source>
        <translation>%1 已簽到，號碼 %2。</translation>
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
        <translation>顯示完整信息</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>導出</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>by phone</source>
        <translation>按手機號</translation>
    </message>
    <message>
        <source>a visit's timeline</source>
        <translation>一次就診的經過</translation>
    </message>
    <message>
        <source>a case</source>
        <translation>一件投訴/諮詢</translation>
    </message>
    <message>
        <source>a follow-up call</source>
        <translation>一次回訪</translation>
    </message>
    <message>
        <source>phone numbers</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>by name</source>
        <translation>按姓名</translation>
    </message>
    <message>
        <source>by phone and name</source>
        <translation>按手機號和姓名</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>登記</translation>
    </message>
    <message>
        <source>details given in person</source>
        <translation>現場補充的信息</translation>
    </message>
    <message>
        <source>the access log</source>
        <translation>訪問日誌</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>訪問日誌</translation>
    </message>
    <message>
        <source>From</source>
        <translation>從</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Patient: full mobile number or id</source>
        <translation>患者：完整手機號或編號</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查詢</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>較早</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>較新</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>導出 CSV…</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>校驗哈希鏈</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人員</translation>
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
        <translation>開始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>Rows of the access log</source>
        <translation>訪問日誌的記錄</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>What</source>
        <translation>內容</translation>
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
        <translation>全部人員</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>結束日期早於開始日期。</translation>
    </message>
    <message>
        <source>A patient is found by a full 11-digit mobile number or an id.</source>
        <translation>請用完整的 11 位手機號或患者編號查找患者。</translation>
    </message>
    <message>
        <source>Asking the central server…</source>
        <translation>正在向中心服務器查詢…</translation>
    </message>
    <message>
        <source>Checking every link of the chain…</source>
        <translation>正在逐條校驗哈希鏈…</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>導出訪問日誌</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在導出…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 條</numerusform>
        </translation>
    </message>
    <message>
        <source>, showing %1–%2</source>
        <translation>，顯示第 %1–%2 條</translation>
    </message>
    <message numerus="yes">
        <source>The chain is intact: %n link(s), none removed or changed.</source>
        <translation>
            <numerusform>哈希鏈完整：共 %n 條，無刪除、無改動。</numerusform>
        </translation>
    </message>
    <message>
        <source>Head: %1 · %2</source>
        <translation>鏈頭：%1 · %2</translation>
    </message>
    <message>
        <source>The chain is broken: someone changed the log outside FrontDesk.</source>
        <translation>哈希鏈已斷開：有人在 FrontDesk 之外改動了日誌。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>已保存 %n 條到 %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <source>Ticket</source>
        <translation>號碼</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Department · doctor</source>
        <translation>科室 · 醫生</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>陪同導醫</translation>
    </message>
    <message>
        <source>In stage</source>
        <translation>本環節</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>總時長</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>標記</translation>
    </message>
    <message>
        <source>Speaks English</source>
        <translation>講英語</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>投訴處理中</translation>
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
        <translation>複診</translation>
    </message>
    <message>
        <source>Over the limit: more than %1 min in this stage</source>
        <translation>已超時：本環節超過 %1 分鐘</translation>
    </message>
    <message>
        <source>Running long: more than %1 min in this stage</source>
        <translation>偏長：本環節超過 %1 分鐘</translation>
    </message>
    <message>
        <source>Not triaged</source>
        <translation>未分診</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>無人陪同</translation>
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
        <translation>按科室篩選</translation>
    </message>
    <message>
        <source>Stage filter</source>
        <translation>按環節篩選</translation>
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
        <translation>無人陪同</translation>
    </message>
    <message>
        <source>Hide names</source>
        <translation>遮擋姓名</translation>
    </message>
    <message>
        <source>For a desk the public can see: names show as 王*丽</source>
        <translation>供公眾可見的工位使用：姓名顯示為 王*麗</translation>
    </message>
    <message>
        <source>Find ticket, name or phone</source>
        <translation>查找號碼、姓名或手機號</translation>
    </message>
    <message>
        <source>Take escort</source>
        <translation>認領陪同</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>釋放</translation>
    </message>
    <message>
        <source>Hand off…</source>
        <translation>轉交…</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一環節</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>轉到…</translation>
    </message>
    <message>
        <source>Admission…</source>
        <translation>住院交接…</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已離院</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Priority…</source>
        <translation>優先…</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>分診</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>時間線</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>備註…</translation>
    </message>
    <message>
        <source>Print ticket</source>
        <translation>打印號票</translation>
    </message>
    <message>
        <source>Show name…</source>
        <translation>顯示姓名…</translation>
    </message>
    <message>
        <source>▲ running long (amber)   ■ over the limit (red)   — keys work while the board has the focus; Enter opens the timeline</source>
        <translation>▲ 偏長（黃）   ■ 超時（紅）   — 看板獲得焦點時可用快捷鍵；回車打開時間線</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤銷</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部環節</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>%1 of %2 patients</source>
        <translation>顯示 %1 / 共 %2 位患者</translation>
    </message>
    <message>
        <source>Undo for %1</source>
        <translation>撤銷 %1 的上一步</translation>
    </message>
</context>
<context>
    <name>CallActions</name>
    <message>
        <source>Answer these too, or clear the survey: %1</source>
        <translation>請把這幾題也問完，或清空問卷：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Added to the person's open complaint about this department.</source>
        <translation>已併入此人對該科室尚未辦結的投訴。</translation>
    </message>
    <message>
        <source>A complaint was opened; its clocks are running.</source>
        <translation>已立投訴工單，時限開始計算。</translation>
    </message>
    <message>
        <source>A low score: a service-recovery case was opened for the department.</source>
        <translation>評分偏低：已為該科室立服務補救工單。</translation>
    </message>
    <message>
        <source>No free call can be made now.</source>
        <translation>現在沒有可領取的回訪。</translation>
    </message>
</context>
<context>
    <name>CaseAlarm</name>
    <message>
        <source>1 escalated case waits for you</source>
        <translation>1 件升級工單等您處理</translation>
    </message>
    <message>
        <source>%1 escalated cases wait for you</source>
        <translation>%1 件升級工單等您處理</translation>
    </message>
    <message>
        <source>Open the most overdue</source>
        <translation>打開超時最久的一件</translation>
    </message>
</context>
<context>
    <name>CaseWords</name>
    <message>
        <source>Complaint</source>
        <translation>投訴</translation>
    </message>
    <message>
        <source>Enquiry</source>
        <translation>諮詢</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建議</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>表揚</translation>
    </message>
    <message>
        <source>Service recovery</source>
        <translation>服務補救</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>現場</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>24-hour line</source>
        <translation>24小時熱線</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Online message</source>
        <translation>網上留言</translation>
    </message>
    <message>
        <source>Kiosk survey</source>
        <translation>自助機評價</translation>
    </message>
    <message>
        <source>Call for a guide</source>
        <translation>呼叫導醫</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回訪電話</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Apologised, process explained</source>
        <translation>已致歉並說明流程</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派發</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>調查中</translation>
    </message>
    <message>
        <source>Solution agreed</source>
        <translation>已定處理方案</translation>
    </message>
    <message>
        <source>Person told: satisfied?</source>
        <translation>已反饋，待確認是否滿意</translation>
    </message>
    <message>
        <source>Satisfied: follow up</source>
        <translation>滿意，待回訪</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回訪</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答覆</translation>
    </message>
    <message>
        <source>Referred to a department</source>
        <translation>已轉科室</translation>
    </message>
    <message>
        <source>Call-back promised</source>
        <translation>已承諾回電</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已結案</translation>
    </message>
    <message>
        <source>Take this case</source>
        <translation>由我處理</translation>
    </message>
    <message>
        <source>Give it back to the pool</source>
        <translation>退回待領取</translation>
    </message>
    <message>
        <source>Hand over to…</source>
        <translation>轉交給…</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加備註</translation>
    </message>
    <message>
        <source>Correct a step</source>
        <translation>更正一步</translation>
    </message>
    <message>
        <source>Pause a clock</source>
        <translation>暫停計時</translation>
    </message>
    <message>
        <source>Resume a clock</source>
        <translation>恢復計時</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>結案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <source>Apologised and explained</source>
        <translation>已致歉並說明</translation>
    </message>
    <message>
        <source>Set the track</source>
        <translation>設定處理方式</translation>
    </message>
    <message>
        <source>Dispatch to a department</source>
        <translation>派發給科室</translation>
    </message>
    <message>
        <source>Record the investigation</source>
        <translation>記錄調查結果</translation>
    </message>
    <message>
        <source>Record the solution</source>
        <translation>記錄處理方案</translation>
    </message>
    <message>
        <source>Person told the result</source>
        <translation>已向當事人反饋結果</translation>
    </message>
    <message>
        <source>Person is satisfied</source>
        <translation>當事人滿意</translation>
    </message>
    <message>
        <source>Person is not satisfied</source>
        <translation>當事人不滿意</translation>
    </message>
    <message>
        <source>Extend the deadline</source>
        <translation>延長期限</translation>
    </message>
    <message>
        <source>Answer given</source>
        <translation>記錄答覆</translation>
    </message>
    <message>
        <source>Refer to a department</source>
        <translation>轉給科室</translation>
    </message>
    <message>
        <source>Promise a call-back</source>
        <translation>承諾回電</translation>
    </message>
    <message>
        <source>Took the case</source>
        <translation>領取工單</translation>
    </message>
    <message>
        <source>Gave it back to the pool</source>
        <translation>退回待領取</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已轉交</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Corrected a step</source>
        <translation>更正步驟</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>暫停計時</translation>
    </message>
    <message>
        <source>Clock resumed</source>
        <translation>恢復計時</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新開啟</translation>
    </message>
    <message>
        <source>Track set</source>
        <translation>設定處理方式</translation>
    </message>
    <message>
        <source>Investigated</source>
        <translation>調查</translation>
    </message>
    <message>
        <source>Deadline extended</source>
        <translation>延長期限</translation>
    </message>
    <message>
        <source>Settled on the spot</source>
        <translation>現場解決</translation>
    </message>
    <message>
        <source>Standard (5 working days)</source>
        <translation>一般（5個工作日）</translation>
    </message>
    <message>
        <source>Several departments (10 working days)</source>
        <translation>多部門（10個工作日）</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>糾紛</translation>
    </message>
    <message>
        <source>Reply promise</source>
        <translation>答覆承諾</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派單</translation>
    </message>
    <message>
        <source>Call-back</source>
        <translation>回電</translation>
    </message>
    <message>
        <source>Feedback (statutory)</source>
        <translation>反饋（法定）</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>met in time</source>
        <translation>按時完成</translation>
    </message>
    <message>
        <source>met late</source>
        <translation>超時完成</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>超時 %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩餘 %1</translation>
    </message>
    <message>
        <source>(calendar not yet announced)</source>
        <translation>（該年放假安排尚未公佈）</translation>
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
        <translation>患者在自助機上的投訴</translation>
    </message>
    <message>
        <source>Low score on a follow-up call</source>
        <translation>回訪低分</translation>
    </message>
    <message>
        <source>A complaint made on a follow-up call</source>
        <translation>回訪中提出的投訴</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Kind filter</source>
        <translation>按類型篩選</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>按狀態篩選</translation>
    </message>
    <message>
        <source>Department filter</source>
        <translation>按科室篩選</translation>
    </message>
    <message>
        <source>Track filter</source>
        <translation>按處理方式篩選</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>The case's history</source>
        <translation>工單處理記錄</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>我的工單</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未結</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>新建工單（Ctrl+N）</translation>
    </message>
    <message>
        <source>Other steps</source>
        <translation>其他操作</translation>
    </message>
    <message>
        <source>Choose a case on the left, or press Ctrl+N for a new one.</source>
        <translation>請在左側選擇工單，或按 Ctrl+N 新建。</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部類型</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <source>Every track</source>
        <translation>全部處理方式</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>時限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Every department</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>無人</translation>
    </message>
    <message>
        <source>%1 open · %2 due today · %3 overdue</source>
        <translation>%1 件未結 · 今日到期 %2 件 · 已超時 %3 件</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>受理於 %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>負責人：%1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>聯繫人：%1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>科室：%1</translation>
    </message>
    <message>
        <source>Asks for: %1</source>
        <translation>訴求：%1</translation>
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
        <translation>已上報%1</translation>
    </message>
    <message>
        <source>No clock runs on this case.</source>
        <translation>此工單無計時。</translation>
    </message>
    <message>
        <source>%1 (Ctrl+Enter)</source>
        <translation>%1（Ctrl+回車）</translation>
    </message>
    <message>
        <source>duty lead</source>
        <translation>值班組長</translation>
    </message>
    <message>
        <source>centre's director</source>
        <translation>客服中心主任</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>院級</translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message>
        <source>Appointment check-in</source>
        <translation>預約簽到</translation>
    </message>
    <message>
        <source>Check-in code</source>
        <translation>簽到碼</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Type the 6-character code from your booking message, or hold the message's QR code under the scanner.</source>
        <translation>請輸入預約短信裡的6位簽到碼，或把短信裡的二維碼放到掃碼口下。</translation>
    </message>
    <message>
        <source>Mobile number used for the booking</source>
        <translation>預約時留的手機號</translation>
    </message>
    <message>
        <source>First character of the patient's name</source>
        <translation>就診人姓名的第一個字</translation>
    </message>
    <message>
        <source>Call a guide</source>
        <translation>呼叫導醫</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>Is this your appointment?</source>
        <translation>這是您的預約嗎？</translation>
    </message>
    <message>
        <source>Tap your appointment, then check in.</source>
        <translation>請點選您的預約，再簽到。</translation>
    </message>
    <message>
        <source>Please check the details, then check in.</source>
        <translation>請核對信息，然後簽到。</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>是的，簽到</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>不是，返回</translation>
    </message>
    <message>
        <source>Print my ticket again</source>
        <translation>再打印一次我的號票</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Complete the walk-in's details</source>
        <translation>補登記自助機散客信息</translation>
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
        <translation>性別</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住地區</translation>
    </message>
    <message>
        <source>The patient heard the privacy notice at the desk and agreed (in person)</source>
        <translation>患者已在導醫臺當面聽取隱私告知並同意</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <source>OK</source>
        <translation>確定</translation>
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
        <translation>系統故障</translation>
    </message>
    <message>
        <source>Difficult case</source>
        <translation>疑難個案</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>突發事件</translation>
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
        <translation>在院患者：%1 人 · 未完成的呼叫導醫：%2 條</translation>
    </message>
    <message>
        <source>walking with %1</source>
        <translation>正在陪同 %1</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>值班日誌</translation>
    </message>
    <message>
        <source>Hand over my shift…</source>
        <translation>交接班…</translation>
    </message>
    <message>
        <source>Add to the log</source>
        <translation>記入日誌</translation>
    </message>
    <message>
        <source>What happened: a kiosk down, a difficult case, an incident…</source>
        <translation>發生了什麼：自助機故障、疑難個案、突發事件……</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>日誌類別</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>日誌內容</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>記錄人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Taken over by %1 at %2</source>
        <translation>%1 已於 %2 接班</translation>
    </message>
    <message>
        <source>Hand-over from %1 at %2, waiting to be taken over: %3</source>
        <translation>%1 於 %2 交班，等待接班：%3</translation>
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
        <translation>請填寫{label}。</translation>
    </message>
    <message>
        <source>The survey cannot be used: {detail}</source>
        <translation>問卷內容有誤：{detail}</translation>
    </message>
    <message>
        <source>There is no survey to answer right now; please ask a guide.</source>
        <translation>現在沒有可以填寫的問卷，請找導醫幫忙。</translation>
    </message>
    <message>
        <source>Type the number as printed on your ticket, for example A001.</source>
        <translation>請照小票上的樣子輸入號碼，例如 A001。</translation>
    </message>
    <message>
        <source>A phone number is a mobile (11 digits starting with 1) or a landline with its area code, e.g. 010-65123456.</source>
        <translation>電話號碼應為手機號（以1開頭的11位數字）或帶區號的座機號，例如 010-65123456。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits and starts with 1, e.g. 13812345678.</source>
        <translation>手機號應為以1開頭的11位數字，例如 13812345678。</translation>
    </message>
    <message>
        <source>A name may contain Chinese characters, letters, spaces and “·” only.</source>
        <translation>姓名只能包含漢字、字母、空格和“·”。</translation>
    </message>
    <message>
        <source>{label} may be at most {max} characters.</source>
        <translation>{label}最多{max}個字。</translation>
    </message>
    <message>
        <source>Age must be a whole number from 0 to 130.</source>
        <translation>年齡應為0到130之間的整數。</translation>
    </message>
    <message>
        <source>That is not a valid choice for {label}.</source>
        <translation>{label}的選項無效。</translation>
    </message>
    <message>
        <source>We could not find this check-in code. Please check your booking message, or call a guide to help you.</source>
        <translation>沒有找到這個簽到碼。請核對預約短信，或呼叫導醫幫您。</translation>
    </message>
    <message>
        <source>We found no appointment today for this phone number. A guide can help you.</source>
        <translation>沒有找到這個手機號今天的預約。請呼叫導醫幫您。</translation>
    </message>
    <message>
        <source>Your appointment is on {date}, not today.</source>
        <translation>您的預約在{date}，不是今天。</translation>
    </message>
    <message>
        <source>This appointment has been cancelled.</source>
        <translation>這個預約已取消。</translation>
    </message>
    <message>
        <source>You have already checked in. Your number is {ticket}.</source>
        <translation>您已經簽到過了，您的號碼是 {ticket}。</translation>
    </message>
    <message>
        <source>You are early: check-in opens at {opens}.</source>
        <translation>您來早了：請在 {opens} 之後簽到。</translation>
    </message>
    <message>
        <source>Your appointment time has passed. Please see a guide at the desk; they will help you.</source>
        <translation>您的預約時間已過，請到導醫臺，導醫會幫您安排。</translation>
    </message>
    <message>
        <source>{label} was not found.</source>
        <translation>沒有找到{label}。</translation>
    </message>
    <message>
        <source>A hand-over is taken over by the next shift, not by the one who wrote it.</source>
        <translation>交接班由下一班接班，不能由交班人自己接。</translation>
    </message>
    <message>
        <source>The booked time is {time}, outside the check-in window: write down why the patient is checked in now.</source>
        <translation>預約時間為 {time}，不在簽到時段內：請寫明現在為患者簽到的原因。</translation>
    </message>
    <message>
        <source>This kiosk is still loading today’s appointments. Please wait a moment, or call a guide to help you.</source>
        <translation>自助機正在準備今天的預約，請稍候片刻，或呼叫導醫幫您。</translation>
    </message>
    <message>
        <source>A visit cannot move from {from_stage} to {to_stage}.</source>
        <translation>不能從“{from_stage}”轉到“{to_stage}”。</translation>
    </message>
    <message>
        <source>There is no stage called {stage}.</source>
        <translation>沒有“{stage}”這個環節。</translation>
    </message>
    <message>
        <source>This patient has departed; reopen the visit first to continue.</source>
        <translation>這位患者已離院；如需繼續，請先重新開啟就診。</translation>
    </message>
    <message>
        <source>{holder} is already escorting this patient.</source>
        <translation>{holder} 正在陪同這位患者。</translation>
    </message>
    <message>
        <source>Only the guide escorting this patient can do that.</source>
        <translation>只有正在陪同的導醫才能這樣做。</translation>
    </message>
    <message>
        <source>Nobody is escorting this patient now.</source>
        <translation>這位患者目前沒有導醫陪同。</translation>
    </message>
    <message>
        <source>{doctor} is not on duty in {department} today.</source>
        <translation>{doctor} 今天不在{department}出診。</translation>
    </message>
    <message>
        <source>No ticket numbers are left for {department} today; please ask a guide.</source>
        <translation>{department}今天的號碼已用完，請聯繫導醫。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的崗位不能做這項操作。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用戶名或密碼不對。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins; try again after {until}.</source>
        <translation>登錄失敗次數過多，請在 {until} 之後再試。</translation>
    </message>
    <message>
        <source>Not saved: {field} breaks the record contract ({rule}). Please tell the system administrator.</source>
        <translation>沒有保存：{field} 不符合記錄規範（{rule}）。請把這條提示告訴系統管理員。</translation>
    </message>
    <message>
        <source>Not saved: this names a staff member who is not signed in on this desk. Please sign in again and retry.</source>
        <translation>沒有保存：這項操作記在一位沒有在本機登錄的工作人員名下。請重新登錄後再試。</translation>
    </message>
    <message>
        <source>The access log is kept on the central server, which this desk cannot reach now. Connect the desk, sign out and sign in again.</source>
        <translation>訪問日誌保存在中心服務器上，本工作站現在連不上它。請接通網絡，退出後重新登錄。</translation>
    </message>
    <message>
        <source>Say why you need to see it: it is kept in the access log.</source>
        <translation>請說明查看的原因：它會記入訪問日誌。</translation>
    </message>
    <message>
        <source>The purpose is too long: at most 200 characters, please.</source>
        <translation>用途寫得太長了：請不超過 200 個字。</translation>
    </message>
    <message>
        <source>This case is closed; reopen it first (duty lead, quality or director).</source>
        <translation>這個工單已結案；如需繼續，請先重新開啟（值班組長、質控或主任）。</translation>
    </message>
    <message>
        <source>This case is not closed.</source>
        <translation>這個工單尚未結案。</translation>
    </message>
    <message>
        <source>This patient has no number yet: triage them to a department first.</source>
        <translation>這位患者還沒有號碼：請先分診到科室。</translation>
    </message>
    <message>
        <source>This visit already has the patient's details.</source>
        <translation>這次就診已有患者信息。</translation>
    </message>
    <message>
        <source>This follow-up call is already closed.</source>
        <translation>該回訪已結束。</translation>
    </message>
    <message>
        <source>Not yet: a call closes as unreachable only after 3 failed attempts in two time slots of the day, on every valid number, before its deadline.</source>
        <translation>暫不能結束：須在期限前、於一天中兩個不同時段、對每個有效號碼共撥打失敗 3 次後，方可按“無法聯繫”結束回訪。</translation>
    </message>
    <message>
        <source>That number is not one of this person's valid numbers; add it first.</source>
        <translation>該號碼不在此人的有效號碼中，請先添加。</translation>
    </message>
    <message>
        <source>Take this call first: only the caller holding it records on it.</source>
        <translation>請先領取這個回訪：只有領取它的人才能記錄。</translation>
    </message>
    <message>
        <source>{holder} is calling this person; take another call.</source>
        <translation>{holder}正在回訪這位患者，請領取別的回訪。</translation>
    </message>
    <message>
        <source>Calls are given to follow-up, quality staff or the director only.</source>
        <translation>回訪只能分派給回訪員、質控人員或主任。</translation>
    </message>
    <message>
        <source>Waiting for the server to confirm this call is yours; it will be ready in a moment.</source>
        <translation>正在等服務器確認這個回訪歸您，請稍候片刻。</translation>
    </message>
    <message>
        <source>An exclusion is signed off by a duty lead, quality staff or the director.</source>
        <translation>排除回訪須由值班組長、質控人員或主任簽字確認。</translation>
    </message>
    <message>
        <source>Only a stage move of this visit that has not been corrected yet can be corrected.</source>
        <translation>只能更正這次就診中尚未被更正的環節變更。</translation>
    </message>
</context>
<context>
    <name>EscortActions</name>
    <message>
        <source>Choose a patient on the board first.</source>
        <translation>請先在看板上選擇一位患者。</translation>
    </message>
    <message>
        <source>You escort %1 now.</source>
        <translation>您已認領陪同 %1。</translation>
    </message>
    <message>
        <source>%1 released: nobody escorts them now.</source>
        <translation>已釋放 %1：目前無人陪同。</translation>
    </message>
    <message>
        <source>Choose a guide.</source>
        <translation>請選擇一位導醫。</translation>
    </message>
    <message>
        <source>%1 handed off to %2.</source>
        <translation>%1 已轉交給 %2。</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 handed to ward %2, nurse %3.</source>
        <translation>%1 已交接至 %2，接收護士 %3。</translation>
    </message>
    <message>
        <source>Note kept for %1.</source>
        <translation>已為 %1 記下備註。</translation>
    </message>
    <message>
        <source>Shown for %1; kept in the access log.</source>
        <translation>已為 %1 顯示完整信息，已記入訪問日誌。</translation>
    </message>
    <message>
        <source>The printer did not take the ticket (%1). The number is %2: write it down for the patient, or try again.</source>
        <translation>打印機沒有打出號票（%1）。號碼是 %2：請寫給患者，或再試一次。</translation>
    </message>
    <message>
        <source>Ticket %1 printed.</source>
        <translation>號票 %1 已打印。</translation>
    </message>
    <message>
        <source>%1 has left the hospital.</source>
        <translation>%1 已離院。</translation>
    </message>
    <message>
        <source>Undone at once (wrong click)</source>
        <translation>誤操作，立即撤銷</translation>
    </message>
    <message>
        <source>Undone. The timeline keeps both steps.</source>
        <translation>已撤銷。時間線保留兩條記錄。</translation>
    </message>
    <message>
        <source>%1 received at the desk.</source>
        <translation>已在導醫臺接待 %1。</translation>
    </message>
    <message>
        <source>Tick that the patient agreed to the privacy notice, in person.</source>
        <translation>請勾選：患者已當面同意隱私告知。</translation>
    </message>
    <message>
        <source>%1 received: details added, agreed in person.</source>
        <translation>%1 已接待：已補登記信息，患者當面同意。</translation>
    </message>
    <message>
        <source>Corrected. The timeline keeps both steps.</source>
        <translation>已更正。時間線保留兩條記錄。</translation>
    </message>
</context>
<context>
    <name>ExcludeDialog</name>
    <message>
        <source>Exclude from the calls</source>
        <translation>不再回訪（排除）</translation>
    </message>
    <message>
        <source>Why: deceased, readmitted, … (required)</source>
        <translation>原因：已去世、再次住院……（必填）</translation>
    </message>
    <message>
        <source>The lead's user name</source>
        <translation>組長的用戶名</translation>
    </message>
    <message>
        <source>The lead's password</source>
        <translation>組長的密碼</translation>
    </message>
    <message>
        <source>A duty lead, quality staff or the director signs the exclusion off here, with their own password.</source>
        <translation>須由值班組長、質控人員或主任在本機輸入本人密碼簽字確認。</translation>
    </message>
</context>
<context>
    <name>FollowUpFigures</name>
    <message>
        <source>Follow-up figures</source>
        <translation>回訪統計</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本週</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last week (Monday's summary)</source>
        <translation>上週（週一小結）</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>複製為文字</translation>
    </message>
    <message>
        <source>Calls due in the period. Coverage = (done + unreachable + declined) / (due − excluded); reached = (done + declined) / (due − excluded); on time = closed by the deadline. A rate over fewer than %1 is grey.</source>
        <translation>統計期內到期的回訪。回訪率 =（完成 + 無法聯繫 + 拒訪）/（應訪 − 排除）；接通率 =（完成 + 拒訪）/（應訪 − 排除）；及時率 = 在時限內結束。樣本少於 %1 的比率以灰色顯示。</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>應訪</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>無法聯繫</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒訪</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>逾期未訪</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>回訪率</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>接通率</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>及時率</translation>
    </message>
    <message>
        <source>Phone satisfaction</source>
        <translation>電話滿意率</translation>
    </message>
    <message>
        <source>%1 · attempts per completed call: %2 · phone survey answers: %3</source>
        <translation>%1 · 每次成功回訪平均撥打 %2 次 · 電話問卷 %3 份</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Follow-up calls</source>
        <translation>回訪</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose a call on the left.</source>
        <translation>請在左側選擇一條回訪。</translation>
    </message>
    <message>
        <source>What was said (kept with the attempt)</source>
        <translation>通話要點（隨本次撥打記錄）</translation>
    </message>
    <message>
        <source>Call back at</source>
        <translation>回電時間</translation>
    </message>
    <message>
        <source>Never call again (asked by the person)</source>
        <translation>本人要求不再致電</translation>
    </message>
    <message>
        <source>Another number, e.g. 010-65123456</source>
        <translation>其他號碼，如 010-65123456</translation>
    </message>
    <message>
        <source>Add number</source>
        <translation>添加號碼</translation>
    </message>
    <message>
        <source>Close as unreachable</source>
        <translation>按無法聯繫結束</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Take the next %1 calls (Ctrl+T)</source>
        <translation>領取接下來 %1 個回訪 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Figures (Ctrl+G)</source>
        <translation>統計 (Ctrl+G)</translation>
    </message>
    <message>
        <source>Last week's summary is due by 18:00 today</source>
        <translation>上週回訪小結今天 18:00 前上交</translation>
    </message>
    <message>
        <source>Give the chosen calls to</source>
        <translation>把選中的回訪分派給</translation>
    </message>
    <message>
        <source>Department filter</source>
        <translation>按科室篩選</translation>
    </message>
    <message>
        <source>Note on the call</source>
        <translation>回訪備註</translation>
    </message>
    <message>
        <source>Another number</source>
        <translation>其他號碼</translation>
    </message>
    <message>
        <source>The call's history</source>
        <translation>回訪記錄</translation>
    </message>
    <message>
        <source>Take this call (Ctrl+Enter)</source>
        <translation>領取這個回訪 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Give it back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>時限</translation>
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
        <translation>回訪原因</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>已撥</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>回訪員</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部科室</translation>
    </message>
    <message>
        <source>%1 took that follow-up call first; take another.</source>
        <translation>%1先領取了那個回訪，請領取別的。</translation>
    </message>
    <message>
        <source>A call recorded here was on a call %1 held by then (the lease had run out); it is kept for the lead to see.</source>
        <translation>本機記錄的一次回訪當時已由%1領取（您的領取已過期）；記錄已保留，請組長查看。</translation>
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
        <translation>已領取，待確認…</translation>
    </message>
    <message>
        <source>%1 to call · %2 due today · %3 overdue · %4 mine</source>
        <translation>%1 條待回訪 · 今天到期 %2 · 已超時 %3 · %4 條歸我</translation>
    </message>
    <message>
        <source>call between %1</source>
        <translation>回訪時段 %1</translation>
    </message>
    <message>
        <source>Only my calls (Ctrl+O)</source>
        <translation>只看我的 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Dial: %1</source>
        <translation>請撥打：%1</translation>
    </message>
    <message>
        <source>Numbers: %1</source>
        <translation>號碼：%1</translation>
    </message>
</context>
<context>
    <name>FollowUpWords</name>
    <message>
        <source>Reached: call done</source>
        <translation>已接通，回訪完成</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>無人接聽</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>佔線</translation>
    </message>
    <message>
        <source>Phone switched off</source>
        <translation>關機</translation>
    </message>
    <message>
        <source>Cannot be reached</source>
        <translation>無法接通</translation>
    </message>
    <message>
        <source>Number not in service</source>
        <translation>空號或停機</translation>
    </message>
    <message>
        <source>Wrong person</source>
        <translation>非本人</translation>
    </message>
    <message>
        <source>Call back later</source>
        <translation>約定稍後回電</translation>
    </message>
    <message>
        <source>Declined the call</source>
        <translation>拒絕回訪</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>不需回訪</translation>
    </message>
    <message>
        <source>Closed as unreachable</source>
        <translation>無法聯繫，結束</translation>
    </message>
    <message>
        <source>Number added</source>
        <translation>添加號碼</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Took the call</source>
        <translation>領取回訪</translation>
    </message>
    <message>
        <source>Gave the call back</source>
        <translation>退回回訪</translation>
    </message>
    <message>
        <source>Gave the call to a caller</source>
        <translation>分派回訪</translation>
    </message>
    <message>
        <source>Numbers shown</source>
        <translation>查看號碼</translation>
    </message>
    <message>
        <source>To call</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>約定回電</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>無法聯繫</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <source>Missed: the deadline passed</source>
        <translation>逾期未訪</translation>
    </message>
    <message>
        <source>Not yet callable</source>
        <translation>未到回訪時間</translation>
    </message>
    <message>
        <source>Next day after a visit</source>
        <translation>門診次日回訪</translation>
    </message>
    <message>
        <source>After discharge</source>
        <translation>出院回訪</translation>
    </message>
    <message>
        <source>72 h after a complaint</source>
        <translation>投訴處理後72小時回訪</translation>
    </message>
    <message>
        <source>Low survey score</source>
        <translation>滿意度低分回訪</translation>
    </message>
    <message>
        <source>Missed appointment</source>
        <translation>預約未到回訪</translation>
    </message>
    <message>
        <source>The rule is met: this call may close as unreachable.</source>
        <translation>已滿足規定，可按“無法聯繫”結束本次回訪。</translation>
    </message>
    <message>
        <source>%1 of %2 failed attempts</source>
        <translation>已撥打失敗 %1 次，須 %2 次</translation>
    </message>
    <message>
        <source>tried in %1 of %2 times of day</source>
        <translation>已在 %1 個時段撥打，須 %2 個</translation>
    </message>
    <message>
        <source>not yet tried: %1</source>
        <translation>尚未撥打：%1</translation>
    </message>
    <message>
        <source>the deadline has passed: missed</source>
        <translation>已過期限：記為漏訪</translation>
    </message>
    <message>
        <source>Not yet unreachable: %1</source>
        <translation>暫不能按無法聯繫結束：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Ask:</source>
        <translation>詢問：</translation>
    </message>
    <message>
        <source>Then the survey (Alt+S); to close:</source>
        <translation>再做滿意度調查（Alt+S），結束語：</translation>
    </message>
    <message>
        <source>Given to you: the numbers are yours to call.</source>
        <translation>已分派給您：號碼只向您顯示。</translation>
    </message>
    <message>
        <source>Yours until %1: the numbers are shown to you only.</source>
        <translation>由您回訪，至 %1：號碼只向您顯示。</translation>
    </message>
    <message>
        <source>Taken here; waiting for the server to confirm it is yours…</source>
        <translation>已在本機領取，正在等服務器確認…</translation>
    </message>
    <message>
        <source>Nobody is calling this person: take the call to see the numbers.</source>
        <translation>還沒有人回訪這位患者：領取後才能看到號碼。</translation>
    </message>
    <message>
        <source>Given to %1.</source>
        <translation>已分派給%1。</translation>
    </message>
    <message>
        <source>%1 is calling this person (until %2).</source>
        <translation>%1正在回訪這位患者（至 %2）。</translation>
    </message>
</context>
<context>
    <name>HandOffDialog</name>
    <message>
        <source>Hand off to another guide</source>
        <translation>轉交給其他導醫</translation>
    </message>
    <message numerus="yes">
        <source>escorting %n now</source>
        <translation>
            <numerusform>正陪同 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>free</source>
        <translation>空閒</translation>
    </message>
    <message>
        <source>Who takes over?</source>
        <translation>由誰接手？</translation>
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
        <translation>例如：12床家屬在藥房等候；2號自助機打印機缺紙</translation>
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
        <translation>呼叫導醫：%1 條未完成，%2 條無人響應</translation>
    </message>
    <message>
        <source>printer failed, ticket on screen</source>
        <translation>打印機故障，號票在屏幕上</translation>
    </message>
    <message>
        <source>complaint in a satisfaction survey</source>
        <translation>滿意度調查中的投訴</translation>
    </message>
    <message>
        <source>■ EMERGENCY: chest pain, bleeding or trouble breathing — go now</source>
        <translation>■ 急症：胸痛、出血或呼吸困難——請立即前往</translation>
    </message>
    <message>
        <source>does not know which department: help them choose</source>
        <translation>不知道掛哪個科：請幫助選擇</translation>
    </message>
    <message>
        <source>asks for a guide</source>
        <translation>請求導醫幫助</translation>
    </message>
    <message>
        <source>speaks English</source>
        <translation>講英語</translation>
    </message>
    <message>
        <source>ticket %1</source>
        <translation>號碼 %1</translation>
    </message>
    <message>
        <source>%1 is on the way (answered after %2)</source>
        <translation>%1 正在趕去（%2 後響應）</translation>
    </message>
    <message>
        <source>■ still not resolved after %1: sent to the duty lead</source>
        <translation>■ %1 仍未處理完：已上報值班組長</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>已等 %1</translation>
    </message>
    <message>
        <source>■ sent to the duty lead: please go</source>
        <translation>■ 已上報值班組長：請您安排</translation>
    </message>
    <message>
        <source>■ sent to the duty lead</source>
        <translation>■ 已上報值班組長</translation>
    </message>
    <message>
        <source>I'm going</source>
        <translation>我去處理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>Help is coming now</source>
        <translation>馬上有人來幫您</translation>
    </message>
    <message>
        <source>Stay where you are, at %1, and sit down if you can. A guide is coming at once. If you feel worse, tell anyone working here straight away.</source>
        <translation>請留在%1，儘量坐下。導醫馬上就到。如果感覺更不舒服，請立即告訴身邊任何一位工作人員。</translation>
    </message>
    <message>
        <source>A guide is on the way</source>
        <translation>導醫馬上就來</translation>
    </message>
    <message>
        <source>Calling a guide for you</source>
        <translation>正在為您呼叫導醫</translation>
    </message>
    <message>
        <source>Please stay here at %1. A guide will help you choose a department.</source>
        <translation>請在%1稍候，導醫會來幫您選擇科室。</translation>
    </message>
    <message>
        <source>Please stay here at %1. A guide will come to you.</source>
        <translation>請在%1稍等，導醫會過來找您。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>We could not send your call. Please go to the guide desk near the entrance.</source>
        <translation>呼叫沒有發送成功，請到入口附近的導醫臺。</translation>
    </message>
    <message>
        <source>Calling a guide…</source>
        <translation>正在呼叫導醫…</translation>
    </message>
    <message>
        <source>✓ %1 is coming to you.</source>
        <translation>✓ 導醫%1正在趕來。</translation>
    </message>
    <message>
        <source>A guide</source>
        <translation>一位導醫</translation>
    </message>
    <message>
        <source>Waiting for a guide… This kiosk is not connected to the guide desks: if nobody comes, the guide desk is near the entrance.</source>
        <translation>正在等待導醫……這臺自助機沒有連接導醫臺：如果沒有人來，導醫臺就在入口附近。</translation>
    </message>
    <message>
        <source>Waiting for a guide to answer…</source>
        <translation>正在等待導醫回應…</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>確定</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Something went wrong. Please call a guide; they will help you.</source>
        <translation>出了點問題，請呼叫導醫，導醫會幫您。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>回到首頁</translation>
    </message>
    <message>
        <source>Call a guide</source>
        <translation>呼叫導醫</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在啟動…</translation>
    </message>
    <message>
        <source>● Stand-alone</source>
        <translation>● 單機運行</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ 離線</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 條待上傳</numerusform>
        </translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● 在線</translation>
    </message>
    <message>
        <source>⚠ Not ready: please call the IT desk</source>
        <translation>⚠ 未就緒：請聯繫信息科</translation>
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
        <translation>性別</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住區域</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Purpose of visit</source>
        <translation>就診目的</translation>
    </message>
    <message>
        <source>Question or visit goal</source>
        <translation>諮詢問題</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>醫生</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>就診記錄</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>預約</translation>
    </message>
    <message>
        <source>First character of the name</source>
        <translation>姓名的第一個字</translation>
    </message>
    <message>
        <source>Ward</source>
        <translation>病區</translation>
    </message>
    <message>
        <source>Receiving nurse</source>
        <translation>接收護士</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>優先</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Check-in code</source>
        <translation>簽到碼</translation>
    </message>
    <message>
        <source>Request for help</source>
        <translation>求助</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>工單</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
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
        <translation>來訪人陳述</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>訴求</translation>
    </message>
    <message>
        <source>Relation to the patient</source>
        <translation>與患者關係</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>處理措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>How the person was told</source>
        <translation>反饋方式</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回訪</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>When to call back</source>
        <translation>回電時間</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>時限</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日數</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>The person was told</source>
        <translation>已告知當事人</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Locked — %1</source>
        <translation>已鎖定 — %1</translation>
    </message>
    <message>
        <source>Password to unlock</source>
        <translation>輸入密碼解鎖</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解鎖</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切換用戶</translation>
    </message>
    <message>
        <source>%1 calls for a guide are waiting</source>
        <translation>有 %1 條呼叫導醫在等待</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move to a stage</source>
        <translation>轉到環節</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>當前：%1</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>New case</source>
        <translation>新建工單</translation>
    </message>
    <message>
        <source>In a few words: what is it about?</source>
        <translation>一句話說明事由</translation>
    </message>
    <message>
        <source>mobile, or landline with area code</source>
        <translation>手機，或帶區號的座機</translation>
    </message>
    <message>
        <source>(not yet known)</source>
        <translation>（暫不明確）</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>類型(&amp;K)</translation>
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
        <translation>來訪人陳述</translation>
    </message>
    <message>
        <source>What they ask for</source>
        <translation>訴求</translation>
    </message>
    <message>
        <source>Contact &amp;name</source>
        <translation>聯繫人(&amp;N)</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>聯繫電話(&amp;P)</translation>
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
        <translation>本次就診備註</translation>
    </message>
    <message>
        <source>e.g. needs a wheelchair at the lift; family waiting at pharmacy</source>
        <translation>例如：電梯口需要輪椅；家屬在藥房等候</translation>
    </message>
    <message>
        <source>Kept in the visit's timeline with your name, desk and time.</source>
        <translation>備註會連同您的姓名、導醫臺和時間記入就診時間線。</translation>
    </message>
</context>
<context>
    <name>PhoneSurvey</name>
    <message>
        <source>Satisfaction survey on the phone (leave empty if not asked)</source>
        <translation>電話滿意度調查（未調查可留空）</translation>
    </message>
    <message>
        <source>The person makes a complaint, or agrees to a formal complaint</source>
        <translation>對方提出投訴，或同意立為正式投訴</translation>
    </message>
    <message>
        <source>Alt+S, then a digit per rating: 1 very unhappy … 5 very happy; recommend 0–10.</source>
        <translation>按 Alt+S 後每題輸入一個數字：1 很不滿意 … 5 很滿意；推薦意願 0–10。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Staff only: enter the director's PIN</source>
        <translation>僅限工作人員：請輸入主任密碼</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in a few minutes.</source>
        <translation>密碼錯誤次數太多，請幾分鐘後再試。</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>密碼不對。</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>Emergency</source>
        <translation>急診</translation>
    </message>
    <message>
        <source>Priority: elderly</source>
        <translation>優先：老年人</translation>
    </message>
    <message>
        <source>Priority: disabled</source>
        <translation>優先：殘障人士</translation>
    </message>
    <message>
        <source>No priority</source>
        <translation>不優先</translation>
    </message>
</context>
<context>
    <name>PriorityDialog</name>
    <message>
        <source>Priority</source>
        <translation>優先</translation>
    </message>
    <message>
        <source>Sorted first on every desk's board; the timeline keeps who set it and when.</source>
        <translation>在各導醫臺的看板上排在最前；時間線記下由誰、何時設置。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Check in outside the window</source>
        <translation>簽到時段外簽到</translation>
    </message>
    <message>
        <source>Why is the patient checked in now? Choose or write a reason.</source>
        <translation>為什麼現在為患者簽到？請選擇或填寫原因。</translation>
    </message>
    <message>
        <source>Arrived late (traffic, parking)</source>
        <translation>遲到（交通、停車）</translation>
    </message>
    <message>
        <source>Mistook the time of the appointment</source>
        <translation>記錯了預約時間</translation>
    </message>
    <message>
        <source>The kiosk could not find the booking</source>
        <translation>自助機查不到預約</translation>
    </message>
    <message>
        <source>Went to another building first</source>
        <translation>先去了其他樓</translation>
    </message>
    <message>
        <source>Came early; the department can see them now</source>
        <translation>提前到達，科室現在可以接診</translation>
    </message>
    <message>
        <source>A reason, in a few words</source>
        <translation>簡要寫明原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Kept with the check-in, with your name, desk and time.</source>
        <translation>與簽到一起保存，並記下您的姓名、導醫臺和時間。</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register an arriving patient</source>
        <translation>導醫登記</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>&amp;Age</source>
        <translation>年齡(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mobile phone</source>
        <translation>手機號(&amp;M)</translation>
    </message>
    <message>
        <source>Home district</source>
        <translation>居住區域</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>就診目的</translation>
    </message>
    <message>
        <source>Question or visit goal</source>
        <translation>諮詢問題</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>預約</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>科室(&amp;D)</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>醫生</translation>
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
        <translation>優先</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>未說明</translation>
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
        <translation>（未詢問）</translation>
    </message>
    <message>
        <source>See a doctor</source>
        <translation>看醫生</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治療</translation>
    </message>
    <message>
        <source>Has an appointment today</source>
        <translation>今天有預約</translation>
    </message>
    <message>
        <source>The patient asked for this doctor by name</source>
        <translation>患者點名要看這位醫生</translation>
    </message>
    <message>
        <source>Elderly, disabled or frail: walk with them</source>
        <translation>老人、殘障或體弱：需全程陪同</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>e.g. Chaoyang</source>
        <translation>例如：朝陽區</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>登記（Ctrl+回車）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Returning patients</source>
        <translation>複診患者</translation>
    </message>
    <message>
        <source>Type 4 or more digits of the phone, or the start of the name.</source>
        <translation>輸入手機號的至少4位數字，或姓名的開頭。</translation>
    </message>
    <message>
        <source>Not this patient: register as new</source>
        <translation>不是這位患者：按新患者登記</translation>
    </message>
    <message>
        <source>(triage later)</source>
        <translation>（稍後分診）</translation>
    </message>
    <message>
        <source>(any doctor)</source>
        <translation>（不指定醫生）</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人候診</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 · %3 visits</source>
        <translation>%1 · %2 · 就診 %3 次</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1 歲</translation>
    </message>
    <message>
        <source>Returning patient: %1 (%2 earlier visits)</source>
        <translation>複診患者：%1（此前就診 %2 次）</translation>
    </message>
    <message>
        <source>%1 is already registered with this phone. Pick them on the right, or press Register again to create a new patient.</source>
        <translation>這個手機號已登記過 %1。請在右側選用，或再按一次“登記”新建患者。</translation>
    </message>
    <message>
        <source>no number yet: triage next</source>
        <translation>尚無號碼：請接著分診</translation>
    </message>
    <message>
        <source>Registered: %1 — %2</source>
        <translation>已登記：%1 — %2</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Show the name and phone</source>
        <translation>顯示姓名和手機號</translation>
    </message>
    <message>
        <source>Why: e.g. calling back about a complaint</source>
        <translation>原因：例如 就投訴回電</translation>
    </message>
    <message>
        <source>Your role sees patients masked. Shown until you sign out; the access log keeps who saw whom, when and why.</source>
        <translation>您的角色看到的患者信息是隱去部分的。顯示到您退出登錄為止；訪問日誌會記下誰在何時因何看了誰。</translation>
    </message>
</context>
<context>
    <name>SatisfactionPage</name>
    <message>
        <source>First day</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>Figures by</source>
        <translation>統計維度</translation>
    </message>
    <message>
        <source>Satisfaction figures</source>
        <translation>滿意度數據</translation>
    </message>
    <message>
        <source>What patients wrote</source>
        <translation>患者留言</translation>
    </message>
    <message>
        <source>Patient satisfaction</source>
        <translation>患者滿意度</translation>
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
        <translation>從</translation>
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
        <translation>複製為文字</translation>
    </message>
    <message>
        <source>Bringing the figures up to date…</source>
        <translation>正在更新數據……</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>僅看總體</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按科室</translation>
    </message>
    <message>
        <source>By doctor</source>
        <translation>按醫生</translation>
    </message>
    <message>
        <source>By guide</source>
        <translation>按導醫</translation>
    </message>
    <message>
        <source>Rate: answers per patient who left in these days. Means are out of 5. Low: ratings of 1 or 2. NPS: patients who would recommend us (9–10) minus those who would not (0–6), in points from −100 to 100. Anonymous answers count only in the first row.</source>
        <translation>參評率：這些天離院患者中作出評價的比例。均分滿分為5分。低分：1分或2分的評價。NPS（淨推薦值）：願意推薦（9–10分）減去不願推薦（0–6分）的比例，取值−100到100。匿名評價只計入第一行。</translation>
    </message>
    <message>
        <source>The first day comes after the last day.</source>
        <translation>開始日期晚於結束日期，請重新選擇。</translation>
    </message>
    <message>
        <source>All answers</source>
        <translation>全部評價</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>評價數</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>離院數</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>參評率</translation>
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
        <translation>投訴</translation>
    </message>
    <message>
        <source>No answers from %1 to %2.</source>
        <translation>%1 至 %2 沒有評價。</translation>
    </message>
    <message>
        <source>%3 answers from %1 to %2, from %4 patients who left (%5). NPS %6; %7 of ratings low; %8 complaints.</source>
        <translation>%1 至 %2：離院患者 %4 人，收到評價 %3 份（參評率 %5）。NPS %6；低分佔 %7；投訴 %8 件。</translation>
    </message>
    <message>
        <source>From every desk's records, on the central server.</source>
        <translation>數據來自中心服務器，包含所有終端的記錄。</translation>
    </message>
    <message>
        <source>The central server did not answer: these figures are from this desk's own records only.</source>
        <translation>中心服務器未響應：以下數字僅來自本機的記錄。</translation>
    </message>
    <message>
        <source>What patients wrote (%1, newest first) — ⚑ a complaint, ▼ a low rating</source>
        <translation>患者留言（%1 條，最新在前）——⚑ 投訴，▼ 低分</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>未關聯科室</translation>
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
        <translation>複製為文字</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>導醫</translation>
    </message>
    <message>
        <source>Average time per stage (patients still in a stage count up to now)</source>
        <translation>各環節平均用時（仍在環節中的患者計到此刻）</translation>
    </message>
    <message>
        <source>Arrivals by source</source>
        <translation>來源渠道統計</translation>
    </message>
    <message>
        <source>Average time per stage</source>
        <translation>各環節平均用時</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>班次報告</translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation>報告日期</translation>
    </message>
    <message>
        <source>Calls for a guide</source>
        <translation>呼叫導醫</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>導醫</translation>
    </message>
    <message>
        <source>Escorted</source>
        <translation>陪同人數</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>當前</translation>
    </message>
    <message>
        <source>Average per stage</source>
        <translation>各環節平均（分鐘）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Stays</source>
        <translation>次數</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <source>In it now (longest)</source>
        <translation>當前人數（最長分鐘）</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未提供</translation>
    </message>
    <message>
        <source>%1 arrivals on %4, %2 departed, %3 still in the building.</source>
        <translation>%4 到院 %1 人，已離院 %2 人，仍在院 %3 人。</translation>
    </message>
    <message>
        <source>%1 calls, %2 answered; half were answered within %3 s, the slowest after %4 s; %5 went to the duty lead.</source>
        <translation>呼叫 %1 次，已響應 %2 次；半數在 %3 秒內響應，最慢 %4 秒；%5 次上報值班組長。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>FrontDesk — guide desk</source>
        <translation>FrontDesk — 導醫臺</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用戶名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密碼(&amp;P)</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登錄</translation>
    </message>
    <message>
        <source>Screen language</source>
        <translation>界面語言</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>Internet</source>
        <translation>網絡</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Walked in</source>
        <translation>自行來院</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>轉介</translation>
    </message>
    <message>
        <source>Returning patient</source>
        <translation>複診患者</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>FrontDesk — guide desk</source>
        <translation>FrontDesk — 導醫臺</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>鎖定</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>切換用戶</translation>
    </message>
    <message>
        <source>Screen language</source>
        <translation>界面語言</translation>
    </message>
    <message>
        <source>Board (F1)</source>
        <translation>看板（F1）</translation>
    </message>
    <message>
        <source>Register (F2)</source>
        <translation>登記（F2）</translation>
    </message>
    <message>
        <source>Triage (F3)</source>
        <translation>分診（F3）</translation>
    </message>
    <message>
        <source>Appointments (F7)</source>
        <translation>預約（F7）</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Duty log</source>
        <translation>值班日誌</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>滿意度</translation>
    </message>
    <message>
        <source>Cases (F5)</source>
        <translation>工單（F5）</translation>
    </message>
    <message>
        <source>Follow-up (F6)</source>
        <translation>回訪（F6）</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>訪問日誌</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>導醫</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>諮詢員</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>隨訪</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>質控</translation>
    </message>
    <message>
        <source>Director</source>
        <translation>主任</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>審計員</translation>
    </message>
    <message>
        <source>duty lead</source>
        <translation>值班組長</translation>
    </message>
    <message>
        <source>Stand-alone desk (no server)</source>
        <translation>獨立運行（未連接服務器）</translation>
    </message>
    <message>
        <source>The desk could not open its data: %1</source>
        <translation>本機數據無法打開：%1</translation>
    </message>
    <message>
        <source>That is somebody else's password.</source>
        <translation>這是其他人的密碼。</translation>
    </message>
    <message>
        <source>Your claim on %1 was refused: %2 got there first.</source>
        <translation>您對 %1 的認領未成功：%2 已先認領。</translation>
    </message>
    <message>
        <source>The server could not take a change made on this desk. It has been undone here and kept safe for the administrator; tell the duty lead.</source>
        <translation>服務器未能處理本機的一項修改。本機已撤銷這項修改，原內容已妥善保存，等待管理員處理；請告知值班組長。</translation>
    </message>
    <message>
        <source>it is not allowed</source>
        <translation>不允許這樣修改</translation>
    </message>
    <message>
        <source>the record it changes is unknown to the server</source>
        <translation>服務器上沒有它所修改的記錄</translation>
    </message>
    <message>
        <source>recorded steps cannot be changed</source>
        <translation>已記錄的流程步驟不能更改</translation>
    </message>
    <message>
        <source>its data is not valid</source>
        <translation>數據無效</translation>
    </message>
    <message>
        <source>The server refused a change made on this desk (%1). It has been undone here and kept for the duty lead; please enter it again if it is still needed.</source>
        <translation>服務器拒絕了本機的一項修改（%1）。本機已撤銷該修改，原內容已留存供值班組長查看；如仍需要，請重新錄入。</translation>
    </message>
    <message>
        <source>That code is not a FrontDesk ticket.</source>
        <translation>這不是本院的號票二維碼。</translation>
    </message>
    <message>
        <source>This ticket is not on today's board (departed or another day).</source>
        <translation>這張號票不在今天的看板上（已離院或不是今天）。</translation>
    </message>
    <message>
        <source>Something went wrong; nothing was changed. (%1)</source>
        <translation>出現錯誤，未做任何更改。（%1）</translation>
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
        <translation>已掛號</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候診</translation>
    </message>
    <message>
        <source>In consultation</source>
        <translation>就診中</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>繳費</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>檢查</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>治療</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>取藥</translation>
    </message>
    <message>
        <source>Admission hand-off</source>
        <translation>辦理住院</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已離院</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Give the number: %1</source>
        <translation>請告知電話：%1</translation>
    </message>
    <message>
        <source>This department has no phone number on file.</source>
        <translation>該科室尚未登記電話。</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>責任人</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>處理措施</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>當面</translation>
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
        <translation>反饋方式</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>處理方式</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>計時</translation>
    </message>
    <message>
        <source>Working days more</source>
        <translation>延長工作日數</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>The person was told, with the new date</source>
        <translation>已告知當事人新的期限</translation>
    </message>
    <message>
        <source>To</source>
        <translation>轉交給</translation>
    </message>
    <message>
        <source>Reason (told to the person where it concerns them)</source>
        <translation>原因（涉及當事人的需告知當事人）</translation>
    </message>
    <message>
        <source>Step to correct</source>
        <translation>要更正的步驟</translation>
    </message>
    <message>
        <source>Causes</source>
        <translation>原因分析</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>經驗教訓</translation>
    </message>
    <message>
        <source>Improvements</source>
        <translation>改進措施</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>說明</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message numerus="yes">
        <source>To protect your privacy this screen will be cleared in %n second(s).</source>
        <translation>
            <numerusform>為保護您的隱私，屏幕將在 %n 秒後清空。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes, I need more time</source>
        <translation>我還在，繼續</translation>
    </message>
</context>
<context>
    <name>SurveyScreen</name>
    <message>
        <source>Rate your visit</source>
        <translation>評價本次就診</translation>
    </message>
    <message>
        <source>Tell us how we did. Hold the QR code on your ticket under the scanner, or choose below.</source>
        <translation>請告訴我們您的感受。把小票上的二維碼放到掃描口下方，或在下面選擇。</translation>
    </message>
    <message>
        <source>Type my ticket number</source>
        <translation>輸入小票上的號碼</translation>
    </message>
    <message>
        <source>Answer without a ticket</source>
        <translation>不用小票，直接評價</translation>
    </message>
    <message>
        <source>Without a ticket your answers are not linked to your visit or to you.</source>
        <translation>不用小票時，您的回答不會與您或您的就診記錄關聯。</translation>
    </message>
    <message>
        <source>Your ticket number, as printed (for example A001)</source>
        <translation>小票上的號碼（例如 A001）</translation>
    </message>
    <message>
        <source>✓ This is a complaint</source>
        <translation>✓ 這是投訴，請轉給工作人員</translation>
    </message>
    <message>
        <source>This is a complaint</source>
        <translation>這是投訴，請轉給工作人員</translation>
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
        <translation>跳過</translation>
    </message>
    <message>
        <source>Send my answers</source>
        <translation>提交評價</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 題，共 %2 題</translation>
    </message>
    <message>
        <source>Very dissatisfied</source>
        <translation>很不滿意</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不滿意</translation>
    </message>
    <message>
        <source>Neither</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>滿意</translation>
    </message>
    <message>
        <source>Very satisfied</source>
        <translation>很滿意</translation>
    </message>
    <message>
        <source>0 = not at all likely</source>
        <translation>0 = 完全不會</translation>
    </message>
    <message>
        <source>10 = certainly</source>
        <translation>10 = 一定會</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>謝謝您！</translation>
    </message>
    <message>
        <source>We already have your answers for this visit. Thank you for coming back.</source>
        <translation>這次就診您已經評價過了，謝謝您再來告訴我們。</translation>
    </message>
    <message>
        <source>We are sorry. Your complaint has been passed to our service staff, and someone will look into it today.</source>
        <translation>非常抱歉。您的投訴已轉給客服人員，今天就會有人跟進處理。</translation>
    </message>
    <message>
        <source>Your answers help us look after every patient better.</source>
        <translation>您的評價幫助我們更好地照顧每一位患者。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>This desk was disconnected by a director</source>
        <translation>本機已被管理員停用</translation>
    </message>
    <message>
        <source>Bringing this desk up to date: {pct}%</source>
        <translation>正在同步本機數據：{pct}%</translation>
    </message>
    <message>
        <source>Online · last synced {at}</source>
        <translation>在線 · 最近同步 {at}</translation>
    </message>
    <message>
        <source>Offline for {n} min</source>
        <translation>離線 {n} 分鐘</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在連接…</translation>
    </message>
    <message>
        <source> · {n} changes waiting</source>
        <translation> · {n} 條待同步</translation>
    </message>
    <message>
        <source> · {n} received changes could not be read; tell the duty lead</source>
        <translation> · {n} 條收到的數據無法讀取，請告知值班組長</translation>
    </message>
</context>
<context>
    <name>TicketScreen</name>
    <message>
        <source>Checked in at %1</source>
        <translation>%1 簽到</translation>
    </message>
    <message>
        <source>Appointment %1</source>
        <translation>預約 %1</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>醫生：%1</translation>
    </message>
    <message>
        <source>A guide has been asked to come and walk with you.</source>
        <translation>已通知導醫過來陪您就診。</translation>
    </message>
    <message>
        <source>Show this ticket to any guide. After your visit, scan its code at a kiosk to rate it.</source>
        <translation>請把號票出示給導醫。就診後在自助機上掃碼即可評價。</translation>
    </message>
    <message>
        <source>Please show this ticket at the guide desk: a guide will walk with you.</source>
        <translation>請憑此號票到導醫臺，導醫會陪您就診。</translation>
    </message>
    <message>
        <source>Your number</source>
        <translation>您的號碼</translation>
    </message>
    <message>
        <source>Say it again</source>
        <translation>再聽一遍</translation>
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
        <translation>導醫掃這個碼</translation>
    </message>
    <message>
        <source>Printing your ticket…</source>
        <translation>正在打印號票…</translation>
    </message>
    <message>
        <source>✓ Your ticket is printed. Please take it.</source>
        <translation>✓ 號票已打印，請取走。</translation>
    </message>
    <message>
        <source>⚠ The printer is not working. Please remember your number or take a photo of this screen; the guides have been told.</source>
        <translation>⚠ 打印機出了故障。請記住您的號碼或給屏幕拍照；已通知導醫。</translation>
    </message>
    <message>
        <source>⚠ The printer is not working. Please remember your number or take a photo of this screen, and show it at the guide desk.</source>
        <translation>⚠ 打印機出了故障。請記住您的號碼或拍下這個屏幕，併到導醫臺出示。</translation>
    </message>
    <message>
        <source>Your number is %1</source>
        <translation>您的號碼是 %1</translation>
    </message>
</context>
<context>
    <name>TimelineDialog</name>
    <message>
        <source>Visit timeline</source>
        <translation>就診時間線</translation>
    </message>
    <message>
        <source>Why is it wrong? (required)</source>
        <translation>更正原因（必填）</translation>
    </message>
    <message>
        <source>Undo the last move (%1) with a correction:</source>
        <translation>以更正撤銷最後一步（%1）：</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>kiosk</source>
        <translation>自助機</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到院</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>轉到 %1</translation>
    </message>
    <message>
        <source>Admission hand-off: ward %1, nurse %2</source>
        <translation>住院交接：%1，接收護士 %2</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已離院</translation>
    </message>
    <message>
        <source>Escort taken</source>
        <translation>認領陪同</translation>
    </message>
    <message>
        <source>Escort released</source>
        <translation>釋放陪同</translation>
    </message>
    <message>
        <source>Handed off to %1</source>
        <translation>轉交給 %1</translation>
    </message>
    <message>
        <source>Triaged to %1</source>
        <translation>已分診到 %1</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>已分診</translation>
    </message>
    <message>
        <source>designated doctor</source>
        <translation>指定醫生</translation>
    </message>
    <message>
        <source>Correction: %1</source>
        <translation>更正：%1</translation>
    </message>
    <message>
        <source>Received at the desk</source>
        <translation>導醫臺已接待</translation>
    </message>
    <message>
        <source>details given, privacy notice agreed in person</source>
        <translation>已補登記信息，當面同意隱私告知</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>備註：%1</translation>
    </message>
    <message>
        <source>(not accepted: another guide held the escort)</source>
        <translation>（未生效：其他導醫已在陪同）</translation>
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
        <translation>科室 / 醫生</translation>
    </message>
    <message>
        <source>Specialties</source>
        <translation>擅長</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>出診</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>診室</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>候診</translation>
    </message>
    <message>
        <source>Designated: the patient asked for this doctor</source>
        <translation>指定：患者點名要看這位醫生</translation>
    </message>
    <message>
        <source>Send the patient here</source>
        <translation>分診到這裡</translation>
    </message>
    <message>
        <source>Choose a patient on the board, then press Triage (F4).</source>
        <translation>請在看板上選擇一位患者，再按“分診”（F4）。</translation>
    </message>
    <message>
        <source>not triaged yet</source>
        <translation>尚未分診</translation>
    </message>
    <message>
        <source>Triage %1 %2 (now: %3)</source>
        <translation>分診 %1 %2（當前：%3）</translation>
    </message>
    <message>
        <source>in session now</source>
        <translation>正在出診</translation>
    </message>
    <message>
        <source>later today</source>
        <translation>今日稍後出診</translation>
    </message>
    <message>
        <source>sessions over</source>
        <translation>今日已停診</translation>
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
        <translation>夜間</translation>
    </message>
    <message>
        <source>%1's sessions today are over: the patient would wait for nobody. Choose a doctor in session, or only the department, unless you have checked.</source>
        <translation>%1 今天的出診已結束，患者會白等。請選擇正在出診的醫生，或只分到科室——除非您已經確認過。</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然分診到此</translation>
    </message>
</context>
<context>
    <name>WalkInScreen</name>
    <message>
        <source>First visit: before we start</source>
        <translation>初診登記：開始之前</translation>
    </message>
    <message>
        <source>First visit: about you</source>
        <translation>初診登記：您的信息</translation>
    </message>
    <message>
        <source>First visit: why you came</source>
        <translation>初診登記：來院目的</translation>
    </message>
    <message>
        <source>First visit: choose a department</source>
        <translation>初診登記：選擇科室</translation>
    </message>
    <message>
        <source>Chest pain, heavy bleeding or trouble breathing right now?</source>
        <translation>現在有胸痛、大量出血或呼吸困難嗎？</translation>
    </message>
    <message>
        <source>Tap here: a guide comes to you at once.</source>
        <translation>請點這裡：導醫馬上來到您身邊。</translation>
    </message>
    <message>
        <source>I don't know which department</source>
        <translation>我不知道掛哪個科</translation>
    </message>
    <message>
        <source>Tap here: a guide will help you choose.</source>
        <translation>請點這裡：導醫會幫您選擇。</translation>
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
        <translation>性別</translation>
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
        <translation>不願透露</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年齡</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手機號</translation>
    </message>
    <message>
        <source>Why did you come today?</source>
        <translation>您今天來做什麼？</translation>
    </message>
    <message>
        <source>To ask or see a doctor</source>
        <translation>諮詢或看醫生</translation>
    </message>
    <message>
        <source>For a treatment</source>
        <translation>來做治療</translation>
    </message>
    <message>
        <source>In a few words (you may leave this empty)</source>
        <translation>簡單說一下（可以不填）</translation>
    </message>
    <message>
        <source>How did you hear of us?</source>
        <translation>您是怎麼知道我們的？</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>網上</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Someone told me</source>
        <translation>別人介紹</translation>
    </message>
    <message>
        <source>I was passing by</source>
        <translation>路過</translation>
    </message>
    <message>
        <source>Home district (you may leave this empty)</source>
        <translation>居住區域（可以不填）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Get my number</source>
        <translation>取號</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>To register you, we write down your name, sex, age, mobile number and home district. They go to the hospital's system, which uses them only for your care. This kiosk keeps no copy: it deletes them as soon as the hospital has them (if its network is down, when it is back). Your ticket shows your name masked.</source>
        <translation>為了給您登記，我們會記下您的姓名、性別、年齡、手機號和居住區。這些信息交給醫院的系統，只用於您的診療。這臺自助機不留副本：醫院一收到就刪除（網絡斷開時，等網絡恢復後刪除）。號票上的姓名會隱去部分字。</translation>
    </message>
    <message>
        <source>To register you, we write down your name, sex, age, mobile number and home district. The hospital uses them only for your care. This kiosk deletes them when the day ends. Your ticket shows your name masked.</source>
        <translation>為了給您登記，我們會記下您的姓名、性別、年齡、手機號和居住區。醫院只把它們用於您的診療。這臺自助機在當天結束時刪除它們。號票上的姓名會隱去部分字。</translation>
    </message>
    <message>
        <source>You may say no. You will still get a number, and a guide will come to help you.</source>
        <translation>您可以不同意。您仍會拿到號票，導醫會來幫您。</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome. Please tap what you need.</source>
        <translation>歡迎！請點選您要辦的事。</translation>
    </message>
    <message>
        <source>Appointment check-in
I booked in advance</source>
        <translation>預約簽到
已經預約過的</translation>
    </message>
    <message>
        <source>First visit / walk-in
I have no appointment</source>
        <translation>初診登記
沒有預約的</translation>
    </message>
    <message>
        <source>Rate your visit
Tell us how we did</source>
        <translation>滿意度評價
告訴我們做得怎樣</translation>
    </message>
    <message>
        <source>Call a guide
A person will come to help</source>
        <translation>呼叫導醫
工作人員會來幫您</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>正常字號</translation>
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
        <translation>確定（Ctrl+回車）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>