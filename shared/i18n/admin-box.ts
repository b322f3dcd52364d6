/**
 * The console's words for the sealed ballot box (hòm phiếu điện tử): choosing it, the sealing
 * ceremony one member at a time, and opening it after close. Part of ADMIN_TEXT (admin.ts).
 */
type T = { vi: string; en: string };

export const BOX_TEXT = {
  // The sealed ballot box (hòm phiếu điện tử): choosing it, sealing it, opening it
  boxTitle: { vi: 'Hòm phiếu điện tử', en: 'Phone ballot box' },
  boxSealedOption: { vi: 'Niêm phong (khuyến nghị)', en: 'Sealed (recommended)' },
  boxSealedExplain: {
    vi: 'Mỗi phiếu được khóa ngay trên điện thoại. Không ai đọc được, kể cả máy chủ và bàn thư ký, cho đến khi kết thúc bỏ phiếu và đủ số thành viên Ban kiểm phiếu cùng xuất trình mảnh khóa của mình. Không có kết quả trực tiếp.',
    en: 'Each ballot is locked on the phone itself. Nobody can read it, not the server nor the secretariat, until voting has closed and enough tally committee members present their key shares. No live results.',
  },
  boxUnsealedOption: { vi: 'Không niêm phong', en: 'Unsealed' },
  boxUnsealedExplain: {
    vi: 'Máy chủ đọc được từng phiếu ngay khi phiếu đến. Cho phép hiển thị kết quả trực tiếp. Lựa chọn này được ghi vào nhật ký và in trong biên bản kiểm phiếu.',
    en: 'The server can read every ballot as it arrives. Allows live results. This choice is recorded in the log and printed in the minutes.',
  },
  confirmUnsealed: {
    vi: 'Dùng hòm phiếu không niêm phong? Máy chủ sẽ đọc được từng phiếu điện thoại ngay khi phiếu đến. Lựa chọn này được ghi vào nhật ký và in trong biên bản kiểm phiếu.',
    en: 'Use an unsealed box? The server will read every phone ballot as it arrives. This choice is recorded in the log and printed in the minutes.',
  },
  confirmUnsealedVoids: { vi: 'Việc niêm phong đã làm sẽ bị hủy; các mảnh khóa đã trao không còn giá trị.', en: 'The sealing already made is dropped; the shares handed out become void.' },
  confirmSealedMode: {
    vi: 'Dùng hòm phiếu niêm phong? Trước khi mở bỏ phiếu, cần niêm phong hòm (chia khóa cho Ban kiểm phiếu).',
    en: 'Use a sealed box? Before voting opens, the box must be sealed (its key shared among the tally committee).',
  },
  boxHolders: { vi: 'Thành viên Ban kiểm phiếu giữ mảnh khóa', en: 'Tally committee members holding a key share' },
  boxHoldersBefore: { vi: 'Mỗi thành viên Ban kiểm phiếu sẽ nhận một mảnh khóa:', en: 'Each tally committee member will receive one key share:' },
  boxNeedCommittee: {
    vi: 'Cần ít nhất 2 thành viên Ban kiểm phiếu để niêm phong. Nhập Ban kiểm phiếu trước.',
    en: 'Sealing needs at least 2 tally committee members. Enter the committee first.',
  },
  boxGoCommittee: { vi: 'Sang thẻ Ban kiểm phiếu', en: 'Go to Tally committee' },
  boxThreshold: { vi: 'Số mảnh khóa cần để mở hòm', en: 'Shares needed to open the box' },
  boxThresholdOption: { vi: '{k} trong {n} thành viên', en: '{k} of {n} members' },
  boxThresholdMajority: { vi: '{k} trong {n} thành viên (đa số, mặc định)', en: '{k} of {n} members (majority, default)' },
  boxSeal: { vi: 'Niêm phong hòm phiếu', en: 'Seal the ballot box' },
  boxReseal: { vi: 'Niêm phong lại', en: 'Seal again' },
  confirmSeal: {
    vi: 'Niêm phong hòm phiếu: {n} thành viên Ban kiểm phiếu lần lượt nhận mỗi người một mảnh khóa, chỉ hiện một lần. Sau khi kết thúc bỏ phiếu, cần {k} người xuất trình mảnh khóa để mở hòm.\n\nNếu ít hơn {k} người xuất trình được, phiếu điện thoại sẽ không bao giờ đọc được (phiếu giấy không bị ảnh hưởng).\n\nTrước khi tiếp tục: NGỪNG CHIẾU màn hình máy tính này lên máy chiếu.',
    en: 'Seal the box: the {n} tally committee members each receive one key share, in turn, shown once only. After voting closes, {k} of them must present their shares to open the box.\n\nIf fewer than {k} can, the phone ballots can never be read (paper ballots are unaffected).\n\nBefore going on: STOP MIRRORING this laptop on the projector.',
  },
  confirmReseal: {
    vi: 'Niêm phong lại sẽ tạo khóa mới: mọi mảnh khóa đã trao trước đây không còn giá trị (hủy các thẻ cũ).',
    en: 'Sealing again makes a new key: every share handed out before becomes void (destroy the old cards).',
  },
  tickNotProjected: { vi: 'Màn hình máy tính này không còn được chiếu lên máy chiếu.', en: 'This laptop’s screen is no longer shown on the projector.' },
  boxSealedAt: { vi: 'Đã niêm phong lúc {at}: cần {k}/{n} mảnh khóa để mở hòm.', en: 'Sealed at {at}: {k} of {n} shares open the box.' },
  boxNotSealed: { vi: 'Chưa niêm phong: cần niêm phong trước khi mở bỏ phiếu.', en: 'Not sealed yet: it must be sealed before voting opens.' },
  boxUnsealedState: { vi: 'Hòm phiếu không niêm phong: máy chủ đọc được từng phiếu khi phiếu đến.', en: 'Unsealed box: the server reads every ballot as it arrives.' },
  boxCommitteeChanged: {
    vi: 'Ban kiểm phiếu đã thay đổi sau khi niêm phong. Mảnh khóa vẫn do những người có tên ở trên giữ; muốn trao cho thành viên mới thì niêm phong lại.',
    en: 'The tally committee changed after sealing. The shares are still held by the people named above; seal again to give them to the new members.',
  },
  boxCeremonyUnfinished: {
    vi: 'Lễ niêm phong chưa xong: {m} thành viên chưa nhận mảnh khóa. Niêm phong lại trước khi mở bỏ phiếu.',
    en: 'The sealing ceremony was not finished: {m} members never received their share. Seal again before opening.',
  },
  // The sealing ceremony, one member at a time
  ceremonyTitle: { vi: 'Niêm phong hòm phiếu điện tử', en: 'Sealing the phone ballot box' },
  ceremonyMember: { vi: 'Thành viên {i}/{n}: {name} — {role}', en: 'Member {i}/{n}: {name} — {role}' },
  ceremonyOnlyThis: { vi: 'Chỉ người này nhìn màn hình.', en: 'Only this person looks at the screen.' },
  ceremonyCall: { vi: 'Mời đồng chí {name} lại gần màn hình. Những người khác không nhìn vào màn hình.', en: 'Ask {name} to come to the screen. Everyone else looks away.' },
  ceremonyShow: { vi: 'Hiện mảnh khóa của {name}', en: 'Show {name}’s share' },
  ceremonyCode: { vi: 'Mã mảnh khóa', en: 'Share code' },
  ceremonyQrLabel: { vi: 'Mã QR mảnh khóa của {name}', en: 'QR code of {name}’s share' },
  ceremonyKeep: {
    vi: 'Chép lại mã này lên thẻ (hoặc in thẻ) và giữ kín. Mang theo khi mở hòm phiếu sau khi kết thúc bỏ phiếu. Mảnh khóa chỉ hiện một lần, không lưu ở đâu.',
    en: 'Copy this code onto a card (or print the card) and keep it private. Bring it when the box is opened after voting closes. The share is shown once and stored nowhere.',
  },
  ceremonyPrint: { vi: 'In thẻ của người này', en: 'Print this member’s card' },
  ceremonyNext: { vi: 'Đã nhận — người tiếp theo', en: 'Received — next member' },
  ceremonyLast: { vi: 'Đã nhận — hoàn tất', en: 'Received — finish' },
  ceremonyDone: { vi: 'Đã niêm phong: cần {k}/{n} mảnh khóa để mở.', en: 'Sealed: {k} of {n} shares are needed to open it.' },
  ceremonyDoneHint: { vi: 'Các mảnh khóa không còn trên máy này. Có thể chiếu màn hình trở lại.', en: 'The shares are no longer on this laptop. The screen may be projected again.' },
  ceremonyStop: { vi: 'Dừng', en: 'Stop' },
  confirmCeremonyStop: {
    vi: 'Dừng lễ niêm phong? {m} thành viên chưa nhận sẽ không có mảnh khóa: phải niêm phong lại từ đầu trước khi mở bỏ phiếu.',
    en: 'Stop the ceremony? {m} members who have not received theirs will have no share: the box must be sealed again before opening.',
  },
  cardTitle: { vi: 'THẺ MẢNH KHÓA HÒM PHIẾU ĐIỆN TỬ', en: 'PHONE BALLOT BOX KEY SHARE' },
  cardHolder: { vi: 'Người giữ: {name} — {role} (thành viên {i}/{n})', en: 'Holder: {name} — {role} (member {i}/{n})' },
  cardNeed: { vi: 'Cần {k}/{n} mảnh khóa để mở hòm phiếu. Niêm phong lúc {at}.', en: '{k} of {n} shares open the box. Sealed at {at}.' },
  cardKeep: { vi: 'Giữ kín, không chụp ảnh, không chia sẻ. Xuất trình tại bàn thư ký khi mở hòm phiếu.', en: 'Keep it private; do not photograph or share it. Present it at the secretariat desk when the box is opened.' },
  // Run tab
  openNeedsSeal: { vi: 'Cần niêm phong hòm phiếu trước khi mở bỏ phiếu.', en: 'The ballot box must be sealed before voting opens.' },
  goSeal: { vi: 'Đến phần niêm phong (thẻ Thông tin)', en: 'Go to sealing (Details tab)' },
  runBoxSealed: { vi: 'Hòm phiếu điện tử đã niêm phong: cần {k}/{n} mảnh khóa để mở sau khi kết thúc bỏ phiếu.', en: 'The phone box is sealed: {k} of {n} shares open it after voting closes.' },
  // Opening the box (Results tab)
  openBoxTitle: { vi: 'Mở hòm phiếu điện tử', en: 'Open the phone ballot box' },
  openBoxHint: {
    vi: 'Kết quả, biên bản và dữ liệu xuất chỉ có sau khi mở hòm. Từng thành viên Ban kiểm phiếu xuất trình mảnh khóa của mình: quét mã QR trên thẻ bằng camera của máy, hoặc gõ mã. Trong lúc này vẫn nhập được phiếu giấy.',
    en: 'Results, minutes and exports exist only once the box is opened. Each tally committee member presents their share: scan the QR on their card with the laptop camera, or type the code. Paper ballots can still be keyed meanwhile.',
  },
  openBoxStopProjecting: { vi: 'Ngừng chiếu màn hình máy tính lên máy chiếu trong khi xuất trình mảnh khóa.', en: 'Stop mirroring the laptop on the projector while shares are presented.' },
  openBoxCount: { vi: 'Đã xuất trình {have}/{k} mảnh khóa — cần thêm {more}', en: '{have} of {k} shares presented — {more} more needed' },
  openBoxPresented: { vi: 'đã xuất trình', en: 'presented' },
  openBoxNotYet: { vi: 'chưa', en: 'not yet' },
  shareCode: { vi: 'Mã mảnh khóa (53 ký tự, in trên thẻ)', en: 'Share code (53 characters, printed on the card)' },
  sharePaste: { vi: 'Dán', en: 'Paste' },
  sharePresent: { vi: 'Xuất trình mảnh khóa', en: 'Present the share' },
  shareScan: { vi: 'Quét mã QR', en: 'Scan QR code' },
  shareScanStop: { vi: 'Tắt camera', en: 'Turn the camera off' },
  shareScanHint: { vi: 'Đưa mã QR trên thẻ vào khung hình, giữ yên.', en: 'Hold the QR on the card still in front of the camera.' },
  shareScanNotShare: { vi: 'Mã QR này không phải mảnh khóa. Đưa mã QR trên thẻ mảnh khóa.', en: 'This QR code is not a key share. Show the QR on the share card.' },
  cameraDenied: { vi: 'Không được phép dùng camera. Xin gõ mã in trên thẻ.', en: 'The camera was not allowed. Please type the code printed on the card.' },
  cameraNone: { vi: 'Máy này không có camera. Xin gõ mã in trên thẻ.', en: 'This laptop has no camera. Please type the code printed on the card.' },
  cameraUnavailable: {
    vi: 'Trình duyệt không cho dùng camera ở địa chỉ này (mở bảng điều khiển bằng http://localhost trên chính máy chủ). Xin gõ mã in trên thẻ.',
    en: 'The browser allows no camera at this address (open the console at http://localhost on the server laptop). Please type the code printed on the card.',
  },
  cameraFailed: { vi: 'Không mở được camera. Xin gõ mã in trên thẻ.', en: 'The camera could not be started. Please type the code printed on the card.' },
  shareAccepted: { vi: 'Đã nhận mảnh khóa của {name}.', en: 'Share of {name} accepted.' },
  shareForget: { vi: 'Làm lại từ đầu (quên các mảnh đã xuất trình)', en: 'Start over (forget the shares presented)' },
  confirmShareForget: { vi: 'Quên {n} mảnh khóa đã xuất trình? Những thành viên đó sẽ phải xuất trình lại.', en: 'Forget the {n} shares presented? Those members will have to present them again.' },
  openBoxRestartNote: { vi: 'Nếu máy chủ khởi động lại, các mảnh đã xuất trình bị quên: chỉ cần xuất trình lại.', en: 'If the server restarts, the shares presented are forgotten: simply present them again.' },
  resultsLocked: { vi: 'Kết quả sẽ hiện ở đây sau khi mở hòm phiếu điện tử.', en: 'Results appear here once the phone box is opened.' },
  boxOpened: { vi: 'Hòm phiếu điện tử đã mở lúc {at}.', en: 'Phone ballot box opened at {at}.' },
  boxPhoneBallots: { vi: 'Phiếu điện thoại trong hòm', en: 'Phone ballots in the box' },
  boxSpoilt: { vi: 'Phiếu điện thoại hỏng (không mở được, tính là không hợp lệ)', en: 'Spoilt phone ballots (could not be opened, counted as invalid)' },
  boxFingerprint: { vi: 'Dấu vân tay hòm phiếu', en: 'Box fingerprint' },
  boxReceiptsLink: { vi: 'Danh sách mã kiểm tra công khai', en: 'Public list of tracking codes' },
  boxReceiptsHint: {
    vi: 'Đại biểu mở địa chỉ này trên điện thoại (cùng mạng Wi-Fi) để kiểm tra mã kiểm tra của mình có trong hòm phiếu.',
    en: 'Delegates open this address on their phone (same Wi-Fi) to check that their tracking code is in the box.',
  },
  boxOpenList: { vi: 'Mở trang', en: 'Open the page' },
  closedSealedNote: {
    vi: 'Bỏ phiếu đã kết thúc. Ban kiểm phiếu mở hòm phiếu điện tử ở thẻ Kết quả; phiếu giấy (nếu có) nhập ở thẻ Phiếu giấy.',
    en: 'Voting is closed. The tally committee opens the phone box in Results; paper ballots (if any) are keyed in Paper ballots.',
  },
  // Live results and the sealed box
  liveSealed: { vi: 'Hòm phiếu niêm phong: không có kết quả trực tiếp, kể cả trên màn hình chiếu.', en: 'Sealed box: no live results, on the projector or anywhere.' },
  liveSealedDraft: {
    vi: 'Muốn có kết quả trực tiếp, chọn hòm phiếu không niêm phong ở thẻ Thông tin trước khi mở bỏ phiếu.',
    en: 'For live results, choose an unsealed box in the Details tab before voting opens.',
  },
} satisfies Record<string, T>;
