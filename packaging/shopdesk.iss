; Inno Setup script: a Windows installer for the one-folder bundle dist\ShopDesk\.
;
;   iscc /DAppVersion=0.1.0 packaging\shopdesk.iss      (after `python -m PyInstaller build.spec`)
;
; Writes dist\ShopDesk-<version>-setup.exe. It installs per user by default (no administrator
; rights needed; the owner may choose "for all users"), adds Start-menu and optional desktop
; shortcuts and an uninstaller. The shop's data lives in %APPDATA%\ShopDesk, never in the
; program folder, so uninstalling or updating keeps it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ShopDesk 店长台"
#define Bundle "..\dist\ShopDesk"

[Setup]
; AppId identifies ShopDesk across versions (updates replace, uninstall finds it): never change it.
AppId={{6F1C2E8A-3B7D-4C59-9A41-5D2E7B0C8F13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ShopDesk
DefaultDirName={autopf}\ShopDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=ShopDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\shopdesk.ico
UninstallDisplayIcon={app}\ShopDesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole bundle: both programs and the _internal folder they share.
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update must not keep libraries an older version shipped and this one dropped.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\ShopDesk.exe"
Name: "{group}\{#AppName} (demo shop)"; Filename: "{app}\ShopDesk.exe"; Parameters: "--demo"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\ShopDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\ShopDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
