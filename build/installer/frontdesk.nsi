; FrontDesk Setup: one installer for a lobby kiosk or a guide desk (per machine).
;
;   makensis -WX -DVERSION=0.1.0 -DDIST=build\out\dist\FrontDesk -DOUTFILE=FrontDesk-Setup.exe build\installer\frontdesk.nsi
;
; Switches (silent installs by IT: Setup.exe /S ...):
;   /KIOSKUSER=name   start the kiosk when that Windows account logs on (a logon task for that
;                     account only; it runs as a standard user)
;   /REMOVEDATA       (uninstaller) also delete C:\ProgramData\FrontDesk — patient data
;   /upgrade          (uninstaller, used by Setup itself) keep data, task and shortcuts' folder
;
; Upgrading in place: the running program is stopped, the database copied aside, the old
; files removed by the old uninstaller (/upgrade: data kept), the new files copied, then
; "frontdesk-cli db upgrade" migrates the database; if that fails the copy is put back and
; Setup stops with a message: every record is kept either way.
;
; The data folder (database, logs, settings) is C:\ProgramData\FrontDesk, never Program Files,
; and standard users (the kiosk account) may write to it.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
!ifdef STORE_ONLY
  SetCompress off  ; the CI's syntax check: compiling, not compressing
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef DIST
  !define DIST "..\out\dist\FrontDesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "FrontDesk-Setup-${VERSION}.exe"
!endif

!define APP "FrontDesk"
!define PUBLISHER "FrontDesk developers"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define RUNNING_MUTEX "Local\FrontDesk.Running"
!define GUI_EXE "FrontDesk.exe"
!define CLI_EXE "frontdesk-cli.exe"
!define TASK "FrontDesk\Kiosk"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} Setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"

Var DataDir
Var KioskUser
Var Upgrading
Var Backup

!define MUI_ABORTWARNING
; FrontDesk's licence, from the frozen folder (build/notices.py put it there with every
; bundled component's notices): shown, not a contract to accept — the GPL asks no signature
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM "$(LicenceNote)"
!insertmacro MUI_PAGE_LICENSE "${DIST}\_internal\licenses\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString LicenceNote ${LANG_SIMPCHINESE} "FrontDesk 是自由软件（GPL-3.0 或更高版本）：您可以复制、修改和再分发它。所附组件的许可见安装目录 _internal\licenses。"
LangString LicenceNote ${LANG_ENGLISH} "FrontDesk is free software (GPL-3.0-or-later): you may copy, change and share it. The bundled components' licences are in _internal\licenses."
LangString MsgOld64 ${LANG_SIMPCHINESE} "FrontDesk 需要 64 位 Windows 10 或更新版本。"
LangString MsgOld64 ${LANG_ENGLISH} "FrontDesk needs 64-bit Windows 10 or later."
LangString MsgTwice ${LANG_SIMPCHINESE} "另一个 FrontDesk 安装程序正在运行。"
LangString MsgTwice ${LANG_ENGLISH} "Another FrontDesk Setup is already running."
LangString MsgUninstFailed ${LANG_SIMPCHINESE} "无法移除旧版本（代码 $0）。数据未受影响，安装已停止。"
LangString MsgUninstFailed ${LANG_ENGLISH} "The old version could not be removed (code $0). Your data is untouched; Setup has stopped."
LangString MsgMigrateFailed ${LANG_SIMPCHINESE} "数据库升级失败，已恢复升级前的数据库，所有记录都在。请把 $DataDir\logs 中的日志交给技术支持。"
LangString MsgMigrateFailed ${LANG_ENGLISH} "The database upgrade failed. The database from before the upgrade has been put back; every record is kept. Please send the log in $DataDir\logs to support."
LangString MsgSelfTest ${LANG_SIMPCHINESE} "自检未通过（代码 $0）。程序已安装；请运行“FrontDesk 自检”查看原因。"
LangString MsgSelfTest ${LANG_ENGLISH} "The self-test did not pass (code $0). FrontDesk is installed; run 'FrontDesk self-test' to see why."
LangString SecRemoveData ${LANG_SIMPCHINESE} "同时删除患者数据（C:\ProgramData\FrontDesk）"
LangString SecRemoveData ${LANG_ENGLISH} "Also delete patient data (C:\ProgramData\FrontDesk)"

; --- helpers ---------------------------------------------------------------------------------

!macro StopFrontDesk
  ; ask the programs to close, then make sure they have
  nsExec::Exec 'taskkill /IM "${GUI_EXE}" /T'
  Pop $0
  Sleep 2000
  nsExec::Exec 'taskkill /IM "${GUI_EXE}" /T /F'
  Pop $0
  nsExec::Exec 'taskkill /IM "${CLI_EXE}" /T /F'
  Pop $0
  Sleep 500
!macroend

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgOld64)" /SD IDOK
    Abort
  ${EndIf}
  ; one Setup at a time
  System::Call 'kernel32::CreateMutexW(p 0, i 0, w "Global\FrontDeskSetup") p .r1 ?e'
  Pop $0
  ${If} $0 == 183  ; ERROR_ALREADY_EXISTS
    MessageBox MB_OK|MB_ICONSTOP "$(MsgTwice)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  StrCpy $DataDir "$COMMONPROGRAMDATA\${APP}"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/KIOSKUSER=" $KioskUser
  ${If} ${Errors}
    StrCpy $KioskUser ""
  ${EndIf}
  ReadRegStr $R1 HKLM "${UNINST_KEY}" "UninstallString"
  ${If} $R1 != ""
    StrCpy $Upgrading "1"
  ${EndIf}
FunctionEnd

; --- install ---------------------------------------------------------------------------------

Section "FrontDesk" SecMain
  SectionIn RO
  SetRegView 64
  SetShellVarContext all

  ; 1. stop the running program (it holds a named mutex while open)
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}") p .r1'
  ${If} $1 P<> 0
    System::Call 'kernel32::CloseHandle(p r1)'
    DetailPrint "Stopping FrontDesk"
    !insertmacro StopFrontDesk
  ${EndIf}

  ; 2. the database copied aside (the program is stopped, so its write-ahead log is merged)
  CreateDirectory "$DataDir"
  CreateDirectory "$DataDir\backups"
  StrCpy $Backup ""
  ${If} ${FileExists} "$DataDir\frontdesk.db"
    ${GetTime} "" "L" $0 $1 $2 $3 $4 $5 $6
    StrCpy $Backup "$DataDir\backups\frontdesk-before-${VERSION}-$2$1$0-$4$5$6.db"
    CopyFiles /SILENT "$DataDir\frontdesk.db" "$Backup"
    DetailPrint "Database copied to $Backup"
  ${EndIf}

  ; 3. the old version's files go, through its own uninstaller (data and task kept)
  ${If} $Upgrading == "1"
  ${AndIf} ${FileExists} "$INSTDIR\uninstall.exe"
    ${If} ${Silent}
      ExecWait '"$INSTDIR\uninstall.exe" /S /upgrade _?=$INSTDIR' $0
    ${Else}
      ExecWait '"$INSTDIR\uninstall.exe" /upgrade _?=$INSTDIR' $0
    ${EndIf}
    ${If} $0 != 0
      MessageBox MB_OK|MB_ICONSTOP "$(MsgUninstFailed)" /SD IDOK
      Abort
    ${EndIf}
    Delete "$INSTDIR\uninstall.exe"
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"

  ; 4. the uninstaller and the Add/Remove entry first, so a half-install can be removed
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1

  ; 5. the program
  File /r "${DIST}\*"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0

  ; 6. the data folder, writable by standard users (the kiosk account)
  nsExec::ExecToLog 'icacls "$DataDir" /grant *S-1-5-32-545:(OI)(CI)M /T /C /Q'
  Pop $0

  ; 7. the database migrated; on failure the copy from step 2 is put back
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" --data-dir "$DataDir" db upgrade'
  Pop $0
  ${If} $0 != 0
    ${If} $Backup != ""
      Delete "$DataDir\frontdesk.db-wal"
      Delete "$DataDir\frontdesk.db-shm"
      CopyFiles /SILENT "$Backup" "$DataDir\frontdesk.db"
    ${EndIf}
    MessageBox MB_OK|MB_ICONSTOP "$(MsgMigrateFailed)" /SD IDOK
    SetErrorLevel 3
    Abort
  ${EndIf}

  ; 8. Start menu
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\FrontDesk 自助机 Kiosk.lnk" "$INSTDIR\${GUI_EXE}" "kiosk"
  CreateShortcut "$SMPROGRAMS\${APP}\FrontDesk 导医台 Staff.lnk" "$INSTDIR\${GUI_EXE}" "staff"
  CreateShortcut "$SMPROGRAMS\${APP}\FrontDesk 自检 Self-test.lnk" "$SYSDIR\cmd.exe" \
    '/k ""$INSTDIR\${CLI_EXE}" self-test"'

  ; 9. the kiosk at logon, for the kiosk account only
  ${If} $KioskUser != ""
    nsExec::ExecToLog 'schtasks /Delete /TN "${TASK}" /F'
    Pop $0
    nsExec::ExecToLog 'schtasks /Create /TN "${TASK}" /SC ONLOGON /RU "$KioskUser" /IT /RL LIMITED /F /TR "\"$INSTDIR\${GUI_EXE}\" kiosk"'
    Pop $0
    ${If} $0 != 0
      DetailPrint "The logon task for $KioskUser could not be created (code $0)"
    ${EndIf}
  ${EndIf}

  ; 10. the program checks itself
  nsExec::ExecToLog '"$INSTDIR\${CLI_EXE}" self-test'
  Pop $0
  ${If} $0 != 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(MsgSelfTest)" /SD IDOK
  ${EndIf}
SectionEnd

; --- uninstall -------------------------------------------------------------------------------

Var UpgradeRun


Section "un.FrontDesk" SecUnMain
  SectionIn RO
  !insertmacro StopFrontDesk
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  ${If} $UpgradeRun != "1"
    Delete "$SMPROGRAMS\${APP}\*.lnk"
    RMDir "$SMPROGRAMS\${APP}"
    nsExec::ExecToLog 'schtasks /Delete /TN "${TASK}" /F'
    Pop $0
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    DeleteRegKey HKLM "${UNINST_KEY}"
  ${EndIf}
SectionEnd

Section /o "un.$(SecRemoveData)" SecRemoveData
  ${If} $UpgradeRun != "1"
    RMDir /r "$DataDir"
  ${EndIf}
SectionEnd

; after the sections: it names them
Function un.onInit
  SetRegView 64
  SetShellVarContext all
  StrCpy $DataDir "$COMMONPROGRAMDATA\${APP}"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/upgrade" $R1
  ${IfNot} ${Errors}
    StrCpy $UpgradeRun "1"
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
  ${AndIf} $UpgradeRun != "1"
    SectionSetFlags ${SecRemoveData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
