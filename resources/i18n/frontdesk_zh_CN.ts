<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Type the 6-character code from your booking message, or hold the message&apos;s QR code under the scanner.</source>
        <translation>请输入预约短信里的6位签到码，或把短信里的二维码放到扫码口下。</translation>
    </message>
    <message>
        <source>Mobile number used for the booking</source>
        <translation>预约时留的手机号</translation>
    </message>
    <message>
        <source>First character of the patient&apos;s name</source>
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
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>A guide is on the way</source>
        <translation>导医马上就来</translation>
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
        <source>This is a ticket you already have. Show it to a guide, or tap &quot;Rate your visit&quot; on the first screen.</source>
        <translation>这是您已经取到的号票。请出示给导医，或在首页点“满意度评价”。</translation>
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
    <name>PinPad</name>
    <message>
        <source>Staff only: enter the director&apos;s PIN</source>
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
        <source>Show this ticket to any guide. Scan its code to rate your visit.</source>
        <translation>请把号票出示给导医。就诊后扫码可评价。</translation>
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
        <source>Your number is %1</source>
        <translation>您的号码是 %1</translation>
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
        <source>To register you, we write down your name, sex, age, mobile number and home district. The hospital uses them only for your care and keeps them safe; this screen forgets them as soon as you are done.

You may say no. You will still get a number, and a guide will come to help you.</source>
        <translation>为给您登记，我们会记录您的姓名、性别、年龄、手机号和居住区域。医院只把这些信息用于您的诊疗，并妥善保管；您办完后，这台机器会马上清除它们。

您也可以不同意。不同意也能取号，导医会过来帮您。</translation>
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
</TS>
