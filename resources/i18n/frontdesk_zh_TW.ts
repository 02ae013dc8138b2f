<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
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
        <source>Type the 6-character code from your booking message, or hold the message&apos;s QR code under the scanner.</source>
        <translation>請輸入預約短信裡的6位簽到碼，或把短信裡的二維碼放到掃碼口下。</translation>
    </message>
    <message>
        <source>Mobile number used for the booking</source>
        <translation>預約時留的手機號</translation>
    </message>
    <message>
        <source>First character of the patient&apos;s name</source>
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
</context>
<context>
    <name>HelpScreen</name>
    <message>
        <source>A guide is on the way</source>
        <translation>導醫馬上就來</translation>
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
        <source>This is a ticket you already have. Show it to a guide, or tap &quot;Rate your visit&quot; on the first screen.</source>
        <translation>這是您已經取到的號票。請出示給導醫，或在首頁點“滿意度評價”。</translation>
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
    <name>PinPad</name>
    <message>
        <source>Staff only: enter the director&apos;s PIN</source>
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
        <source>Show this ticket to any guide. Scan its code to rate your visit.</source>
        <translation>請把號票出示給導醫。就診後掃碼可評價。</translation>
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
        <source>Your number is %1</source>
        <translation>您的號碼是 %1</translation>
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
        <source>To register you, we write down your name, sex, age, mobile number and home district. The hospital uses them only for your care and keeps them safe; this screen forgets them as soon as you are done.

You may say no. You will still get a number, and a guide will come to help you.</source>
        <translation>為給您登記，我們會記錄您的姓名、性別、年齡、手機號和居住區域。醫院只把這些信息用於您的診療，並妥善保管；您辦完後，這臺機器會馬上清除它們。

您也可以不同意。不同意也能取號，導醫會過來幫您。</translation>
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
</TS>
