"""Mọi chữ nq94 hiển thị, bằng tiếng Việt. Các khóa khớp từng khóa với nq94.i18n.en."""

MESSAGES: dict[str, str] = {
    # đánh giá, loại số liệu, thay đổi, xu hướng, cách có số liệu
    "status.met": "Đạt",
    "status.at_risk": "Có nguy cơ không đạt",
    "status.missed": "Không đạt",
    "status.no_data": "Chưa có số liệu",
    "status.not_assessed": "chưa đánh giá",
    "status.estimate.met": "Ước đạt",
    "status.estimate.missed": "Ước không đạt",
    "status.part.met": "Có khả năng đạt",
    "status.part.missed": "Khó đạt",
    "basis.official": "chính thức",
    "basis.estimate": "ước tính",
    "basis.preliminary": "sơ bộ",
    "change.worsened": "xấu đi",
    "change.removed": "không còn số liệu",
    "change.settled": "đã chốt",
    "change.changed": "số liệu mới",
    "change.added": "bổ sung",
    "change.improved": "cải thiện",
    "change.target": "chỉ tiêu sửa đổi: {was} → {now}",
    "direction.toward": "tốt lên",
    "direction.away": "kém đi",
    "direction.steady": "không đổi",
    "direction.within": "trong khoảng",
    "direction.back": "trở lại như kỳ đầu",
    "direction.changed": "{direction}: {changes}",
    "obtained.reported": "báo cáo",
    "obtained.derived": "tính từ gốc so sánh",
    "obtained.projected": "dự báo",
    "kind.growth": "tốc độ tăng",
    "kind.share": "tỷ trọng",
    "kind.rate": "tỷ lệ",
    "kind.level": "mức",
    "kind.flow": "lũy kế",
    "kind.count": "số lượng",
    "kind.change": "mức giảm",
    "kind.index": "chỉ số",
    "kind_help.growth": "tốc độ tăng (%); có thể ghi {{baseline, current}}, khi đó tính bằng "
    "(current / baseline - 1) * 100",
    "kind_help.share": "tỷ trọng trong tổng thể (%)",
    "kind_help.rate": "tỷ lệ, so sánh theo số liệu tại thời điểm của kỳ báo cáo",
    "kind_help.level": "mức, so sánh theo số liệu tại thời điểm của kỳ báo cáo",
    "kind_help.flow": "lũy kế trong năm; kỳ chưa hết năm được dự báo tuyến tính đến cuối năm",
    "kind_help.count": "số lượng; trước cuối năm, chưa đủ số lượng là có nguy cơ không đạt, "
    "chưa phải không đạt",
    "kind_help.change": "mức thay đổi (điểm phần trăm); có thể ghi {{baseline, current}}, khi "
    "đó tính bằng baseline - current",
    "kind_help.index": "chỉ số so với năm trước (%), ví dụ 100,5 là tăng 0,5%; có thể ghi "
    "{{baseline, current}}, khi đó tính bằng current / baseline * 100",
    # tiêu đề cột
    "column.target": "Chỉ tiêu (nguyên văn {kind_lower})",
    "column.actual": "Thực hiện",
    "column.required": "Yêu cầu",
    "column.gap": "Chênh lệch",
    "column.percent": "So với kế hoạch",
    "column.margin": "Biên",
    "column.status": "Đánh giá",
    "column.file": "Tệp",
    "column.result": "Kết quả",
    "column.period": "Kỳ",
    "column.basis": "Loại số liệu",
    "column.values": "Số chỉ tiêu",
    "column.course": "Diễn biến",
    "column.year_end": "Cuối năm",
    "column.change": "Thay đổi",
    "column.before": "Trước",
    "column.after": "Sau",
    "column.difference": "Chênh lệch",
    "column.id": "Mã",
    "column.words": "Nguyên văn {kind_lower}",
    "column.comparison": "Yêu cầu",
    "column.section": "Nhóm",
    "column.name": "Tên",
    "column.unit": "Đơn vị",
    "column.kind": "Loại",
    "column.plausible": "Khoảng hợp lý",
    "column.threshold": "Ngưỡng",
    "column.why": "Cách tính",
    "column.value": "Giá trị",
    "column.baseline": "Gốc so sánh",
    "column.current": "Kỳ này",
    "column.source": "Nguồn",
    "column.note": "Ghi chú",
    "csv.file": "tệp",
    "csv.period": "kỳ",
    "csv.basis": "loại số liệu",
    "csv.section": "nhóm",
    "csv.id": "mã",
    "csv.words": "nguyên văn",
    "csv.status": "đánh giá",
    "csv.actual": "thực hiện",
    "csv.obtained": "cách có số liệu",
    "csv.value": "giá trị",
    "csv.baseline": "năm trước",
    "csv.current": "năm nay",
    "csv.threshold": "ngưỡng",
    "csv.operator": "phép so sánh",
    "csv.plan": "kịch bản của kỳ",
    "csv.gap": "chênh lệch",
    "csv.percent_of_target": "% kế hoạch",
    "csv.margin": "biên",
    "csv.unit": "đơn vị",
    "csv.source": "nguồn",
    "csv.note": "ghi chú",
    "sheet.status": "Đánh giá",
    "sheet.sources": "Nguồn số liệu",
    "sheet.report": "(báo cáo)",
    # bảng kiểm tra và lời giải thích từng kết quả
    "document.name": "{kind} {number}",
    "document.resolution": "Nghị quyết",
    "document.number_unknown": "(số hiệu chưa rõ)",
    "section.all": "Các chỉ tiêu",
    "period.year": "cả năm {year}",
    "period.half": "6 tháng đầu năm {year}",
    "period.nine_months": "9 tháng đầu năm {year}",
    "period.months": "{months} tháng đầu năm {year}",
    "period.months_one": "tháng 1 năm {year}",
    "period.quarter.1": "quý I năm {year}",
    "period.quarter.2": "quý II năm {year}",
    "period.quarter.3": "quý III năm {year}",
    "period.quarter.4": "quý IV năm {year}",
    "period.second_half": "6 tháng cuối năm {year}",
    "period.month": "tháng {month} năm {year}",
    "short.year": "Năm {year}",
    "short.to_date": "{months} tháng {year}",
    "short.months_one": "Tháng 1/{year}",
    "short.quarter": "Quý {quarter}/{year}",
    "short.second_half": "6 tháng cuối {year}",
    "short.month": "Tháng {month}/{year}",
    "part.year": "Cả năm",
    "part.to_date": "{months} tháng",
    "part.months_one": "Tháng 1",
    "part.quarter": "Quý {quarter}",
    "part.second_half": "6 tháng cuối",
    "part.month": "Tháng {month}",
    "month.1": "1",
    "month.2": "2",
    "month.3": "3",
    "month.4": "4",
    "month.5": "5",
    "month.6": "6",
    "month.7": "7",
    "month.8": "8",
    "month.9": "9",
    "month.10": "10",
    "month.11": "11",
    "month.12": "12",
    "quarter.1": "I",
    "quarter.2": "II",
    "quarter.3": "III",
    "quarter.4": "IV",
    "check.title": "{document}, {period} ({basis}): {file}",
    "caption.final": "Số liệu chính thức cả năm: mỗi giá trị được so sánh chặt với ngưỡng.",
    "caption.estimate": "Số ước tính",
    "caption.preliminary": "Số sơ bộ",
    "caption.partial": "Số liệu một phần năm",
    "caption.margin": "{what}: giá trị nằm trong biên của ngưỡng là có nguy cơ không đạt; chỉ "
    "tiêu lũy kế được dự báo đến cuối năm.",
    "caption.margin_year": "{what}: giá trị nằm trong biên của ngưỡng là có nguy cơ không đạt.",
    "summary.one": "{count} chỉ tiêu: {parts}",
    "summary.other": "{count} chỉ tiêu: {parts}",
    "summary.warned": "{summary}; {warnings}",
    "warnings.one": "{count} cảnh báo",
    "warnings.other": "{count} cảnh báo",
    "comparison.between": "từ {low} đến {high}",
    "comparison.higher": " trở lên",
    "comparison.lower": " trở xuống",
    "explain.no_figure": "báo cáo chưa có số liệu; yêu cầu {required}",
    "explain.versus": "{actual} so với yêu cầu {required}",
    "explain.gap": "chênh lệch {gap}",
    "explain.percent": "đạt {percent} kế hoạch",
    "explain.margin": "biên ±{margin}",
    "headroom.left": "còn cách {value}",
    "headroom.over": "vượt {value}",
    "band.inside": "trong khoảng",
    "band.outside": "ngoài khoảng {value}",
    "note.capped": ", giới hạn ở mức tối đa hợp lý {high}",
    "headroom.none": "vừa chạm ngưỡng",
    "standing.points": "{value} điểm %",
    "standing.short": "thiếu {value}",
    "standing.over": "vượt {value}",
    "standing.equal": "bằng mức yêu cầu",
    "standing.equal_more": "bằng mức yêu cầu; cần trên {value}",
    "at_risk.meets": "đạt, nhưng còn trong biên {margin}: chưa chắc chắn",
    "at_risk.short": "chưa đạt, nhưng còn trong biên {margin}: vẫn có thể đạt",
    "at_risk.count": "chưa đạt; năm chưa kết thúc",
    "band.near_edge": "trong khoảng, cách biên {value}",
    "band.near_low": "trong khoảng, cao hơn cận dưới {value}",
    "band.near_high": "trong khoảng, thấp hơn cận trên {value}",
    "explain.ceiling": "không thể vượt mức tối đa hợp lý",
    "explain.plan": "kịch bản {period}: {plan}",
    "explain.year": "cả năm: {required}",
    "explain.needed_at_least": "các tháng còn lại cần tăng {needed}",
    "explain.needed_below": "các tháng còn lại cần tăng dưới {needed}",
    "explain.above_range": "vượt trên khoảng kế hoạch",
    "explain.below_range": "dưới khoảng kế hoạch",
    "explain.stretch_reached": "mức phấn đấu {level}: đạt",
    "explain.stretch_not_reached": "mức phấn đấu {level}: chưa đạt",
    "explain.also": "{by} ({document}) {required}: {status}",
    "explain.amended": "sửa đổi theo {document} từ {since}, trước đó {was}",
    "explain.added": "bổ sung theo {document} từ {since}",
    "explain.not_assessed": "chưa đánh giá được từ số liệu {part}",
    "alone.quarter": "một quý",
    "alone.second_half": "6 tháng cuối năm",
    "alone.month": "một tháng",
    "notice.period_meaning": "{file}: {period} là số liệu riêng {name}: số liệu {months} tháng "
    "đầu năm hãy ghi {to_date}",
    "note.projected": "dự báo cả năm từ {value}",
    "note.growth": "tốc độ tăng tính từ {baseline} → {current}",
    "note.change": "mức giảm tính từ {baseline} → {current}",
    "note.read": "đọc '{written}' là {value}",
    "unit.points": "điểm phần trăm",
    # kiểm tra định dạng, tệp không hợp lệ
    "valid": "hợp lệ",
    "problems.one": "{count} lỗi",
    "problems.other": "{count} lỗi",
    "values.one": "{count} chỉ tiêu có số liệu",
    "values.other": "{count} chỉ tiêu có số liệu",
    "validate.title": "nq94: kiểm tra tệp báo cáo",
    "validate.summary": "{valid} tệp hợp lệ, {invalid} tệp không hợp lệ",
    "validate.line": "hợp lệ: {period}, {basis}, {values}",
    "invalid_files": "Tệp không hợp lệ",
    "invalid_report": "báo cáo không hợp lệ: {problems}",
    # diễn biến và so sánh
    "trend.title": "{document}: diễn biến năm {year} theo từng kỳ",
    "trend.caption": "{periods}. Chỉ tiêu lũy kế được dự báo đến cuối năm; đánh giá theo báo "
    "cáo mới nhất.",
    "trend.plan": "kịch bản {plan}",
    "pace.per_month": "{unit} mỗi tháng",
    "pace.needs": "cần {needed} {unit}, bình quân đến nay {so_far} {unit}",
    "pace.needed": "cần {needed} {unit}, bình quân {so_far} {unit}",
    "pace.reached": "đã đạt, bình quân {so_far} {unit}",
    "pace.at": "tại kỳ {period}: {text}",
    "diff.settled_heading": "Đã chốt: số ước tính nay là số chính thức",
    "diff.title": "Thay đổi từ {old} sang {new}",
    "diff.none": "Không có số liệu hay đánh giá nào thay đổi",
    "diff.no_worse": "không có đánh giá nào xấu đi",
    "diff.worse.one": "{count} đánh giá xấu đi",
    "diff.worse.other": "{count} đánh giá xấu đi",
    "diff.settled_no_worse": "không chỉ tiêu nào ước tính đạt mà số chính thức không đạt hoặc "
    "có nguy cơ không đạt",
    "diff.settled_worse.one": "{count} chỉ tiêu ước tính đạt nhưng số chính thức không đạt hoặc "
    "có nguy cơ không đạt",
    "diff.settled_worse.other": "{count} chỉ tiêu ước tính đạt nhưng số chính thức không đạt "
    "hoặc có nguy cơ không đạt",
    "diff.only.one": "{count} chỉ tiêu có thay đổi: {verdict}",
    "diff.only.other": "{count} chỉ tiêu có thay đổi: {verdict}",
    "diff.part.settled_worse.one": "{count} trong số đó xấu hơn ước tính",
    "diff.part.settled_worse.other": "{count} trong số đó xấu hơn ước tính",
    "diff.changed.one": "{count} chỉ tiêu có thay đổi: {parts}; {verdict}",
    "diff.changed.other": "{count} chỉ tiêu có thay đổi: {parts}; {verdict}",
    "diff.part.worsened.one": "{count} xấu đi",
    "diff.part.worsened.other": "{count} xấu đi",
    "diff.part.improved.one": "{count} tốt lên",
    "diff.part.improved.other": "{count} tốt lên",
    "diff.part.changed.one": "{count} có số liệu mới nhưng đánh giá không đổi",
    "diff.part.changed.other": "{count} có số liệu mới nhưng đánh giá không đổi",
    "diff.part.added.one": "{count} lần đầu có số liệu",
    "diff.part.added.other": "{count} lần đầu có số liệu",
    "diff.part.removed.one": "{count} không còn số liệu",
    "diff.part.removed.other": "{count} không còn số liệu",
    "diff.part.settled.one": "{count} đã có số chính thức thay số ước tính",
    "diff.part.settled.other": "{count} đã có số chính thức thay số ước tính",
    # nq94 targets
    "targets.title": "{document}: các chỉ tiêu năm {year}",
    "targets.count.one": "{count} chỉ tiêu. Lệnh `nq94 targets MÃ` giải thích chỉ tiêu.",
    "targets.count.other": "{count} chỉ tiêu. Lệnh `nq94 targets MÃ` giải thích từng chỉ tiêu.",
    "targets.count_file.one": "{count} chỉ tiêu. Lệnh `nq94 targets --targets {file} MÃ` giải "
    "thích chỉ tiêu.",
    "targets.count_file.other": "{count} chỉ tiêu. Lệnh `nq94 targets --targets {file} MÃ` giải "
    "thích từng chỉ tiêu.",
    "targets.adopted": "Do {issuer} thông qua ngày {date}.",
    "targets.issued": "Do {issuer} ban hành.",
    "targets.in_force": "Có hiệu lực ngày {date}: như văn bản được thông qua.",
    "targets.in_force_amended": "Có hiệu lực ngày {date}: theo sửa đổi của {document} từ {since}.",
    "targets.amendment": "Từ {since}, {document}:",
    "targets.added": "  {id}: bổ sung, {now}",
    "targets.changed": "  {id}: {was} → {now}",
    "targets.reworded": "  {id}: sửa lời văn, yêu cầu giữ nguyên",
    "targets.removed": "  {id}: bãi bỏ",
    "targets.section": "{section}, mục {clause}",
    "targets.margin": "± {margin} {unit} (với số ước tính và số liệu một phần năm; số liệu "
    "chính thức cả năm được so sánh chặt)",
    "targets.plausible": "từ {low} đến {high} {unit} (giá trị ngoài khoảng này là lỗi nhập liệu)",
    # nq94 template
    "template.header": "Báo cáo thực hiện các chỉ tiêu năm {year} của {document_lower}.\n"
    "Điền số liệu đã có và xóa dòng chưa có số liệu: để trống là lỗi, dòng đã xóa được\n"
    'ghi là "Chưa có số liệu". Giá trị là một số (7.5 hoặc "7,5"), hoặc\n'
    '{{value: 7.5, source: "...", note: "..."}}; chỉ tiêu tốc độ tăng và mức giảm có thể\n'
    "ghi {{baseline: ..., current: ...}}. Kiểm tra tệp bằng lệnh: nq94 validate TỆP",
    "template.source": "Báo cáo số .../BC-UBND ngày ...",
    "template.derivable": " · hoặc {{baseline, current}}",
    # nq94 schema
    "schema.number_text": 'ví dụ "7,5" hoặc "7,5%"',
    "schema.basis": "Số liệu chính thức (official), hay chưa: số ước tính (estimate) hoặc số "
    "sơ bộ (preliminary).",
    "schema.report": "Báo cáo số liệu thực hiện so với các chỉ tiêu của nghị quyết.",
    "schema.period": "Kỳ báo cáo: lũy kế từ đầu năm (YYYY, YYYY-9M) hoặc riêng một phần năm "
    "(YYYY-Q3, YYYY-M05).",
    "schema.report_source": "Nguồn số liệu của báo cáo.",
    "schema.report_targets": "Tệp chỉ tiêu mà báo cáo dựa vào, tính từ thư mục của báo cáo.",
    "schema.values": "Mã chỉ tiêu -> số liệu: một số, hoặc một bảng khóa - giá trị (xem từng "
    "chỉ tiêu).",
    "schema.title": "Báo cáo nq94 theo {document_lower} ({year})",
    "schema.targets_title": "Tệp chỉ tiêu nq94",
    "schema.target": "{words} ({required}; khoảng hợp lý từ {low} đến {high})",
    "schema.value": "Số liệu của kỳ báo cáo.",
    "schema.source": "Nguồn của số liệu này.",
    "schema.note": "Điều người đọc cần biết về số liệu này.",
    "schema.baseline": "Số liệu năm trước (gốc so sánh).",
    "schema.current": "Số liệu kỳ này.",
    "schema.entry": "Một số liệu báo cáo: giá trị, hoặc số liệu gốc so sánh và kỳ này để tính ra.",
    # nq94 schema --targets-file
    "schema.targets.file1": "Tệp chỉ tiêu định dạng 1: một nghị quyết, các nhóm chỉ tiêu, và mỗi "
    "chỉ tiêu kèm điều khoản và khoảng hợp lý.",
    "schema.targets.file2": "Tệp chỉ tiêu định dạng 2: một văn bản bất kỳ, các chỉ tiêu, và các "
    "văn bản sửa đổi chỉ tiêu từ một ngày.",
    "schema.targets.format": "Định dạng của tệp: 2 thì văn bản ghi ở khóa 'document'; tệp không "
    "có khóa này (hoặc ghi 1) là định dạng 1, nghị quyết ghi ở khóa 'resolution'.",
    "schema.targets.resolution": "Định dạng 1: nghị quyết đặt ra các chỉ tiêu (số hiệu, trích yếu "
    "bằng hai thứ tiếng, cơ quan ban hành, ngày thông qua, năm).",
    "schema.targets.document": "Văn bản đặt ra các chỉ tiêu: loại văn bản, số hiệu, trích yếu, "
    "cơ quan ban hành, ngày thông qua và năm thực hiện các chỉ tiêu.",
    "schema.targets.sections": "Mã nhóm -> tên nhóm bằng tiếng Việt và tiếng Anh, theo thứ tự "
    "các bảng hiển thị; không có thì mọi chỉ tiêu chung một nhóm.",
    "schema.targets.targets": "Các chỉ tiêu, theo thứ tự báo cáo hiển thị; ít nhất một chỉ tiêu.",
    "schema.targets.amendments": "Các văn bản sửa đổi chỉ tiêu từ một ngày, theo thứ tự có hiệu "
    "lực: mỗi văn bản sửa đổi hoặc bổ sung chỉ tiêu, và có thể bỏ một số chỉ tiêu.",
    "schema.targets.amendment": "Một văn bản sửa đổi: văn bản thay đổi các chỉ tiêu kể từ ngày "
    "có hiệu lực.",
    "schema.targets.document_kind": "Loại văn bản như văn bản tự gọi, bằng tiếng Việt và tiếng "
    "Anh (Nghị quyết / Resolution, Kế hoạch / Plan...); không ghi thì là Nghị quyết.",
    "schema.targets.number": "Số hiệu văn bản như được ghi, không kèm loại văn bản "
    '("58/NQ-HĐND"); ghi "unknown" khi báo chí không nêu số hiệu.',
    "schema.targets.title": "Trích yếu của văn bản bằng tiếng Việt, và bằng tiếng Anh nếu có.",
    "schema.targets.issuer": "Cơ quan ban hành văn bản (Hội đồng nhân dân tỉnh ...).",
    "schema.targets.adopted": "Ngày thông qua văn bản, ví dụ 2025-12-10; văn bản sửa đổi được "
    "thông qua từ ngày thông qua văn bản mà nó sửa đổi trở đi.",
    "schema.targets.year": "Năm thực hiện các chỉ tiêu; mọi báo cáo đối chiếu với tệp này đều "
    "thuộc năm đó.",
    "schema.targets.effective": "Ngày văn bản sửa đổi có hiệu lực, ví dụ 2025-07-15, trong năm "
    "thực hiện các chỉ tiêu; không ghi thì là ngày thông qua.",
    "schema.targets.changes": "Các chỉ tiêu văn bản sửa đổi thay đổi hoặc bổ sung: mã đã có thì "
    "nhận các khóa được ghi và giữ nguyên các khóa khác (kể cả path, weights và season); mã mới "
    "phải ghi đủ một chỉ tiêu.",
    "schema.targets.change": "Điều văn bản sửa đổi nói về một chỉ tiêu: mã đã có thì nhận các "
    "khóa được ghi, mã mới là một chỉ tiêu đầy đủ.",
    "schema.targets.removed": "Mã các chỉ tiêu văn bản sửa đổi bỏ đi, kể từ ngày có hiệu lực.",
    "schema.targets.target": "Một mục tiêu định lượng của văn bản, kèm nguyên văn đặt ra nó.",
    "schema.targets.id": "Mã chỉ tiêu: chữ thường không dấu, chữ số và '_'; báo cáo dùng mã này, "
    "nên không bao giờ đổi mã.",
    "schema.targets.section": "Mã nhóm của chỉ tiêu; bắt buộc khi tệp khai báo các nhóm.",
    "schema.targets.clause": 'Vị trí văn bản đặt ra chỉ tiêu, ví dụ "I.2.1".',
    "schema.targets.words": "Nguyên văn câu chữ của văn bản đặt ra chỉ tiêu, trích chính xác.",
    "schema.targets.part": "Phần câu chữ riêng của chỉ tiêu này, khi một dòng của văn bản gồm "
    "nhiều chỉ tiêu.",
    "schema.targets.name": "Tên ngắn của chỉ tiêu, bằng tiếng Việt và tiếng Anh.",
    "schema.targets.unit": 'Đơn vị tính bằng tiếng Việt và tiếng Anh, ví dụ "%" hoặc "tỷ đồng" / '
    '"billion VND".',
    "schema.targets.measure": "Tính chất của đơn vị: percent (phần trăm), points (điểm phần "
    "trăm), amount (số tiền, khối lượng), count (số đếm) hoặc ratio (trên N người); quyết định "
    "biên mặc định.",
    "schema.targets.kind": "Loại số liệu: growth (tốc độ tăng), share (tỷ trọng), rate (tỷ lệ), "
    "level (mức), flow (lũy kế), count (số lượng), change (mức giảm) hoặc index (chỉ số so với "
    "năm trước); quyết định cách tính số liệu và cách đánh giá khi chưa hết năm.",
    "schema.targets.operator": "Cách so sánh số liệu với ngưỡng: >=, >, <=, <, between (trong "
    "khoảng) hoặc ≈ (khoảng); cũng đọc được ≥, ≤, approx và about.",
    "schema.targets.threshold": "Con số văn bản đặt ra; với 'between' là đầu dưới của khoảng.",
    "schema.targets.upper": "Đầu trên của khoảng; chỉ dùng với 'between'.",
    "schema.targets.better": "Phía kế hoạch hướng tới của một khoảng hoặc một mức 'khoảng': "
    "higher (cao hơn) hoặc lower (thấp hơn); không ghi thì phải đạt cả hai phía.",
    "schema.targets.tolerance": "Với '≈': cách ngưỡng bao xa vẫn đạt, theo đơn vị của chỉ tiêu "
    "(bắt buộc ở định dạng 2).",
    "schema.targets.margin": "Biên: số ước tính hoặc số chưa hết năm cách mốc quyết định gần hơn "
    "biên này là có nguy cơ không đạt; không ghi thì lấy theo tính chất đơn vị.",
    "schema.targets.stretch": "Mức phấn đấu bên cạnh yêu cầu: một số, hoặc [thấp, cao]; hiển thị "
    "bên cạnh đánh giá, không bao giờ làm đổi đánh giá.",
    "schema.targets.also": "Yêu cầu của các văn bản khác đối với cùng số liệu, mỗi yêu cầu được "
    "đánh giá bên cạnh yêu cầu của chính chỉ tiêu.",
    "schema.targets.also_entry": "Yêu cầu của một văn bản khác đối với cùng số liệu.",
    "schema.targets.by": "Cơ quan đặt ra yêu cầu này, bằng tiếng Việt, và bằng tiếng Anh nếu có "
    "(Chính phủ giao / assigned by the Government).",
    "schema.targets.also_document": 'Số hiệu văn bản đặt ra yêu cầu này, ví dụ "25/NQ-CP".',
    "schema.targets.plausible": "[thấp, cao]: số liệu nằm ngoài khoảng này là lỗi nhập liệu, không "
    "phải chỉ tiêu không đạt; không ghi thì lấy theo tính chất đơn vị.",
    "schema.targets.path": "Kịch bản tăng trưởng của riêng từng quý, Q1 đến Q4, cho chỉ tiêu tăng "
    "trưởng: báo cáo chưa hết năm được đánh giá theo kịch bản của kỳ báo cáo.",
    "schema.targets.weights": "Trọng số của từng quý khi cộng dồn kịch bản (tỷ trọng các quý năm "
    "trước, Q1 đến Q4): các số dương, chỉ tỷ lệ giữa chúng có ý nghĩa; không ghi thì các quý "
    "bằng nhau.",
    "schema.targets.season": "Tỷ lệ trên tổng cả năm mà chỉ tiêu lũy kế dự kiến đạt đến một kỳ "
    "lũy kế (H1: 0.55, 9M: 0.7), lớn hơn 0 và không quá 1; kỳ không được liệt kê thì dự báo "
    "tuyến tính.",
    "schema.targets.names": "Chữ bằng tiếng Việt (vi) và tiếng Anh (en).",
    "schema.targets.label": "Chữ bằng tiếng Việt (vi), và bằng tiếng Anh (en) nếu có; không có "
    "thì dùng tiếng Việt.",
    "schema.targets.vi": "Bằng tiếng Việt.",
    "schema.targets.en": "Bằng tiếng Anh.",
    "schema.targets.sum_rule": "Một quy tắc: số liệu của một số chỉ tiêu cộng lại bằng một tổng, "
    "trong một dung sai.",
    "schema.targets.at_most_rule": "Một quy tắc: số liệu của một chỉ tiêu không vượt quá số liệu "
    "của chỉ tiêu khác.",
    "schema.targets.rules": "Các kiểm tra giữa các số liệu của một báo cáo, áp dụng khi mọi chỉ "
    "tiêu được nêu đều có số liệu.",
    "schema.targets.rule_id": "Mã của quy tắc.",
    "schema.targets.rule": "Loại quy tắc: sum (tổng) hoặc at_most (không vượt quá).",
    "schema.targets.rule_targets": "Mã các chỉ tiêu có số liệu cộng lại; ít nhất hai.",
    "schema.targets.total": "Tổng mà các số liệu cộng lại phải bằng.",
    "schema.targets.rule_tolerance": "Tổng được phép lệch bao nhiêu so với con số đó.",
    "schema.targets.rule_description": "Điều quy tắc kiểm tra, bằng tiếng Việt và tiếng Anh; "
    "được nêu khi báo cáo vi phạm quy tắc.",
    "schema.targets.rule_target": "Mã chỉ tiêu có số liệu không được vượt quá giới hạn.",
    "schema.targets.limit": "Mã chỉ tiêu có số liệu là giới hạn.",
    # lỗi trong tệp
    "describe.null": "giá trị rỗng (null)",
    "describe.bool": "giá trị đúng/sai ({value})",
    "describe.date": "một ngày tháng ('{text}')",
    "describe.mapping": "một bảng khóa - giá trị",
    "describe.list": "một danh sách",
    "describe.text": "một đoạn văn bản, không phải các khóa và giá trị",
    "warning": "cảnh báo",
    "warn.fraction": "{value} có vẻ là một phân số; có phải ý là {meant}?",
    "err.more": "và {count} lỗi khác; hãy sửa các lỗi trên trước",
    "err.too_many_values": "có hơn {count} giá trị; một báo cáo chỉ có vài trăm",
    "err.not_a_file": "không phải tệp thông thường (thiết bị, FIFO hay thư mục); hãy chỉ một tệp",
    "err.or": "{first} hoặc {last}",
    "err.empty_file": "tệp rỗng",
    "err.example.period": ' (ví dụ period: "{year}" hoặc "{year}-9M")',
    "err.example.values": " (bảng mã chỉ tiêu - giá trị, ví dụ values: {{grdp_growth: 7.5}})",
    "err.expected_mapping": "cần một bảng khóa - giá trị, nhưng gặp {got}",
    "err.unknown_key": "khóa không hợp lệ; chỉ dùng: {keys}",
    "err.missing_key": "thiếu khóa bắt buộc '{key}'{example}",
    "err.expected_text": "cần văn bản, nhưng gặp {got}",
    "err.expected_choice": "cần {expected}, nhưng gặp {got}",
    "err.basis_words": " (hay 'chính thức', 'ước tính', 'ước thực hiện', 'sơ bộ')",
    "err.expected_list": "cần một danh sách, nhưng gặp {got}",
    "err.expected_report": "cần một báo cáo có period và values, nhưng gặp {got}",
    "err.expected_period": 'cần một kỳ như "{year}", "{year}-Q3", "{year}-H1", "{year}-9M" hoặc '
    '"{year}-M05" (hay "9 tháng đầu năm {year}"), nhưng gặp {got}{hint}',
    "err.empty_value": "để trống; hãy ghi một số, hoặc xóa dòng nếu chưa có số liệu",
    "err.empty_key": "'{key}' để trống; cần một số",
    "err.value_and_derived": "chỉ ghi 'value', hoặc 'baseline' và 'current', không ghi cả hai",
    "err.value_or_derived": "cần 'value', hoặc cả 'baseline' và 'current'",
    "err.expected_targets_file": "cần một tệp chỉ tiêu có resolution, sections, targets, nhưng "
    "gặp {got}",
    "err.expected_year": "cần một năm từ 1900 đến 2200, nhưng gặp {got}",
    "err.expected_id": "cần văn bản khớp {pattern}, nhưng gặp {got}",
    "err.expected_pair": "cần danh sách hai số [thấp, cao], nhưng gặp {got}",
    "err.rule_targets": "cần ít nhất hai mã chỉ tiêu",
    "err.expected_rule": "cần 'sum' hoặc 'at_most', nhưng gặp {got}",
    "err.expected_number": "cần một số, nhưng gặp {got}",
    "err.expected_finite": "cần một số hữu hạn, nhưng gặp {got}",
    "err.too_many_digits": "một số liệu có tối đa {most} chữ số có nghĩa, nhưng gặp {got}",
    "err.magnitude": "cần một số từ 1e-{limit} đến 1e{limit}, nhưng gặp {got}",
    "err.plausible_order": "khoảng hợp lý phải là [thấp, cao] với thấp < cao",
    "err.upper_between": "'upper' bắt buộc với 'between' và chỉ dùng với 'between'",
    "err.upper_above": "'upper' phải lớn hơn 'threshold'",
    "err.tolerance_approx": "'tolerance' chỉ dùng với phép so sánh '≈'",
    "err.margin_negative": "'margin' không được âm",
    "err.tolerance_negative": "'tolerance' không được âm: đó là khoảng cách tới ngưỡng vẫn được "
    "tính là đạt",
    "err.better_range": "'better' chỉ dùng cho một khoảng ('between') hoặc một mức 'khoảng' ('≈')",
    "err.tolerance_required": "mức 'khoảng' ('≈') cần 'tolerance' ở định dạng 2: cách ngưỡng bao "
    "xa vẫn được tính là đạt, theo đơn vị của chỉ tiêu (tolerance: 0 nếu phải đúng bằng)",
    "err.expected_operator": "cần một trong {options}, nhưng gặp {got}{hint}",
    "err.expected_date": "cần một ngày như 2025-02-25, nhưng gặp {got}",
    "err.no_targets": "tệp chỉ tiêu cần có ít nhất một chỉ tiêu",
    "err.no_sections": "nhóm '{section}' chưa được khai báo: tệp không có 'sections' (hãy khai "
    "báo, hoặc bỏ 'section')",
    "err.amendment_order": "các văn bản sửa đổi cần theo thứ tự có hiệu lực: văn bản này có hiệu "
    "lực trước văn bản ở trên",
    "err.amend_unknown": "không có chỉ tiêu '{id}' để sửa đổi vào thời điểm này; {hint}",
    "err.amend_new": "chỉ tiêu mới phải ghi đủ các khóa (còn thiếu: {missing})",
    "err.quarter_key": "cần một quý, {quarters}, nhưng gặp {got}{hint}",
    "err.amendment_before": "được thông qua trước văn bản mà nó sửa đổi; cần ngày {adopted} "
    "trở đi, ngày {document} được thông qua",
    "err.effective_year": "có hiệu lực từ {day}, ngoài năm {year} là năm thực hiện các chỉ tiêu; "
    "cần một ngày từ {year}-01-01 đến {year}-12-31",
    "err.adopted_year": "được thông qua ngày {day} nên có hiệu lực từ ngày đó, ngoài năm {year} "
    "là năm thực hiện các chỉ tiêu; cần một ngày trong năm {year}, hoặc ghi 'effective' là một "
    "ngày trong năm đó",
    "err.no_such_day": "'{text}' không phải là một ngày có thật: tháng {month}/{year} chỉ có từ "
    "ngày 1 đến ngày {days}; cần một ngày như 2025-02-25",
    "err.no_such_month": "'{text}' không phải là một ngày có thật: một năm chỉ có từ tháng 1 đến "
    "tháng 12; cần một ngày như 2025-02-25",
    "err.amended_measure": "văn bản sửa đổi thay đổi mức yêu cầu của '{id}', không thay đổi cái "
    "được đo: '{key}' phải giữ nguyên (chỉ tiêu đo cái khác là một chỉ tiêu khác: hãy bỏ chỉ "
    "tiêu này và thêm chỉ tiêu mới với mã khác)",
    "err.removed_unknown": "không có chỉ tiêu '{id}' để bỏ vào thời điểm này{hint}",
    "err.amended": "sau khi sửa đổi: {said}",
    "err.path_growth": "'{key}' chỉ dùng cho chỉ tiêu tốc độ tăng (growth)",
    "err.path_quarters": "'{key}' cần đủ bốn quý: Q1, Q2, Q3 và Q4",
    "err.weights_positive": "mọi trọng số phải lớn hơn 0",
    "err.season_flow": "'season' chỉ dùng cho chỉ tiêu lũy kế (flow)",
    "err.season_share": "tỷ lệ so với cả năm dự kiến đạt đến {key} phải lớn hơn 0 và không quá 1",
    "err.season_key": "cần một kỳ lũy kế trong năm, như H1, 9M hoặc 5M, nhưng gặp '{key}'",
    "err.duplicate_id": "mã chỉ tiêu '{id}' bị trùng",
    "err.unknown_section": "nhóm '{section}' không có; chỉ dùng: {known}",
    "err.threshold_plausible": "ngưỡng nằm ngoài khoảng hợp lý",
    "err.rule_unknown": "quy tắc '{rule}' nêu chỉ tiêu không có '{name}'",
    "err.period_year": "kỳ {period} không thuộc năm {year}, năm của các chỉ tiêu trong {targets} "
    "({document}); hãy chỉ ra tệp chỉ tiêu của năm {period.year} bằng --targets TỆP",
    "err.targets_line": "cần đường dẫn của một tệp chỉ tiêu, tính từ thư mục của báo cáo, nhưng "
    "gặp {got}",
    "err.targets_missing": "không tìm thấy tệp chỉ tiêu '{path}' (đã tìm trong {folder})",
    "err.targets_not_a_file": "'{path}' không phải là tệp thường; hãy ghi tên một tệp chỉ tiêu",
    "err.a_targets_file": "đây là tệp chỉ tiêu, không phải báo cáo: kiểm tra tệp bằng `nq94 "
    "targets {file}`, hoặc kiểm tra báo cáo theo tệp này bằng --targets {file}",
    "err.toml": "không đọc được nq94.toml: {reason}",
    "targets.builtin": "bộ chỉ tiêu có sẵn",
    "err.did_you_mean": "có phải là '{name}'?",
    "err.see_targets": "xem danh sách mã bằng lệnh `nq94 targets`",
    "err.unknown_id": "mã chỉ tiêu không có; {hint}",
    "err.added_later": "chưa là chỉ tiêu ở kỳ này: {document} bổ sung từ {since} (dùng --as-of để "
    "đánh giá theo ngày khác)",
    "err.removed_before": "không còn là chỉ tiêu ở kỳ này: {document} bãi bỏ từ {since}",
    "err.unknown_id_invisible": "mã chỉ tiêu không có: mã chứa một ký tự vô hình, {code} {name}; "
    "hãy xóa ký tự đó ({hint})",
    "err.unknown_id_character": "mã chỉ tiêu không có: mã chứa ký tự '{character}', {code} "
    "{name}, không có trong mã nào (mã chỉ gồm chữ Latinh không dấu, chữ số và '_'); hãy gõ "
    "lại mã ({hint})",
    "err.unknown_key_hint": "khóa không hợp lệ; {hint}",
    "err.not_derivable": "'baseline' và 'current' chỉ dùng cho chỉ tiêu tốc độ tăng và mức "
    "giảm; đây là chỉ tiêu loại {kind}, hãy ghi 'value'",
    "err.zero_baseline": "gốc so sánh của tốc độ tăng không được bằng 0",
    "err.whole_count": "số lượng phải là số nguyên, nhưng gặp {value}",
    "err.implausible": "giá trị '{value}' nằm ngoài khoảng hợp lý từ {low} đến {high} {unit}",
    "err.implausible_derived": "giá trị tính được {value} nằm ngoài khoảng hợp lý từ {low} đến "
    "{high} {unit}",
    "err.thousands_hint": "; nếu {value} là {meant} (dấu '.' phân cách hàng nghìn), hãy ghi "
    "{meant}",
    "err.index_hint": "; nếu {value} là chỉ số so với cùng kỳ năm trước thì tốc độ tăng là "
    "{growth}: hãy ghi {growth}",
    "err.rule_sum": "{terms} = {total}, cần {expected} ± {tolerance}: {description}",
    "err.rule_at_most": "{value} lớn hơn {limit} ({limit_value}); {description}",
    "err.not_number_text": "cần một số, nhưng gặp '{text}'; hãy ghi như 7.5 hoặc \"7,5\"",
    "err.english_separators": "'{text}' dùng dấu phân cách kiểu tiếng Anh; hãy ghi {plain} "
    '(hoặc "{vi}")',
    "err.not_a_number": "'{text}' không phải là số; hãy ghi như 1234.5",
    "err.ambiguous": "'{text}' có thể là {small_said} hoặc {large}; hãy ghi {large}, hoặc "
    '{small} (hay "{small_said}"), không dùng dấu phân cách hàng nghìn',
    "err.not_number_text@xlsx": "cần một số, nhưng gặp '{text}'; hãy gõ như 7,5 hoặc 7.5",
    "err.ambiguous@xlsx": "'{text}' có thể là {small_said} hoặc {large}; hãy gõ {large}, hoặc "
    "{small_said} (hay {small}), không dùng dấu phân cách hàng nghìn",
    "err.english_separators@xlsx": "'{text}' dùng dấu phân cách kiểu tiếng Anh; hãy gõ {vi} "
    "(hoặc {plain})",
    "err.invisible": "'{text}' có một ký tự vô hình, {code} {name}; hãy xóa nó và gõ lại số",
    "err.unit": "'{text}' có đơn vị sau số; hãy bỏ đơn vị: ghi {number}",
    "err.percent_sign": "'{text}' có dấu '%', nhưng chỉ tiêu này không tính bằng phần trăm; hãy "
    "ghi {number}",
    "err.cannot_read": "không đọc được tệp: {reason}",
    "err.not_in_folder": "không có tệp này trong thư mục {folder}",
    "err.no_folder": "không có thư mục {folder}, nơi tệp này phải nằm",
    "err.too_large": "tệp lớn hơn {max_bytes} byte; một báo cáo nhỏ hơn nhiều",
    "err.utf16": "tệp được lưu dạng UTF-16; hãy lưu lại dạng UTF-8",
    "err.not_utf8": "byte 0x{byte} không hợp lệ trong UTF-8; hãy lưu tệp dạng UTF-8",
    "err.invalid_yaml": "YAML không hợp lệ: {what}",
    "err.too_deep": "giá trị lồng nhau sâu quá {depth} cấp",
    "err.too_deep_report": "giá trị lồng nhau sâu quá {depth} cấp; một báo cáo chỉ cần ba cấp",
    "err.alias_bomb": "bí danh (alias) mở rộng thành hơn {count} giá trị; hãy ghi trực tiếp "
    "các giá trị",
    "err.tag": "không được dùng thẻ YAML '{tag}'; báo cáo chỉ chứa giá trị thông thường",
    "err.complex_key": "khóa phải là tên đơn giản; không hỗ trợ khóa gộp (merge) hay khóa phức",
    "err.duplicate_key": "khóa bị trùng, đã có ở dòng {line}; mỗi khóa chỉ ghi một lần",
    "err.cannot_read_directory": "không đọc được thư mục này: {reason}; các báo cáo trong đó "
    "chưa được kiểm tra",
    "err.empty_directory": "thư mục không có báo cáo nào (.yaml, .yml hay .xlsx)",
    "err.empty_directory_below": "thư mục và các thư mục con không có báo cáo nào (.yaml, .yml "
    "hay .xlsx)",
    "err.no_match": "không có tệp nào khớp mẫu này",
    "err.other_year": "kỳ {period} thuộc năm {year}, nhưng {first} thuộc năm {first_year}; "
    "chỉ xem cùng nhau các báo cáo của một năm",
    "err.period_twice": "kỳ {period} trùng với kỳ của {other}; mỗi kỳ chỉ một báo cáo số ước "
    "tính và một báo cáo số chính thức (lệnh `nq94 diff` so sánh hai lần nộp)",
    "err.other_targets": "báo cáo này dựa vào {targets}, còn {first} dựa vào {first_targets}: các "
    "báo cáo của một năm được xem xét theo một tệp chỉ tiêu (chỉ ra bằng --targets)",
    # dòng lệnh
    "cli.wrote": "đã ghi {output}",
    "cli.unknown_extension": "phần mở rộng '{suffix}' không hỗ trợ; hãy dùng một trong: {known}",
    "cli.overwrite_report": "tệp ghi ra sẽ ghi đè chính báo cáo",
    "cli.not_a_period": "'{period}' không phải là kỳ; hãy dùng {year}, {year}-H1, {year}-9M, "
    "{year}-Q3 hoặc {year}-M05{hint}",
    "cli.exists": "{output} đã tồn tại; dùng --force để ghi đè",
    "err.cannot_write": "nq94: không ghi được {output}: {reason}",
    "err.not_regular": "không phải là tệp thông thường",
    "err.symlink": "là liên kết tượng trưng, không phải tệp thông thường; hãy ghi tên tệp "
    "mà nó trỏ tới",
    "err.stdout": "đầu ra chuẩn",
    "os.no_space": "thiết bị đã hết chỗ trống",
    "os.quota": "đã vượt hạn mức dung lượng đĩa",
    "os.too_big": "tệp quá lớn",
    "os.read_only": "hệ thống tệp chỉ cho phép đọc",
    "os.denied": "không có quyền truy cập",
    "os.not_permitted": "thao tác không được phép",
    "os.no_such_file": "không có tệp hay thư mục này",
    "os.not_a_directory": "không phải là thư mục",
    "os.is_a_directory": "là một thư mục",
    "os.name_too_long": "tên tệp quá dài",
    "os.loop": "quá nhiều cấp liên kết tượng trưng",
    "os.io": "lỗi vào/ra",
    "os.bad_descriptor": "luồng dữ liệu không dùng được (đã đóng, hoặc không mở cho việc này)",
    "cli.unknown_target": "nq94: mã chỉ tiêu '{id}' không có; {hint}",
    "cli.worker_lost": "nq94: một tiến trình con dừng đột ngột; không kiểm tra thêm được gì",
    "cli.out_of_memory": "nq94: hết bộ nhớ; không kiểm tra thêm được gì",
    "help.app": "Kiểm tra báo cáo theo các chỉ tiêu của một văn bản (nghị quyết của Hội đồng nhân "
    "dân, kế hoạch, chỉ tiêu Chính phủ giao): chỉ tiêu nào đạt, không đạt hay có nguy cơ không "
    "đạt.",
    "help.version": "Hiện phiên bản rồi thoát.",
    "help.lang": "Ngôn ngữ hiển thị: vi hoặc en. [mặc định: vi khi ngôn ngữ hệ thống (LANG, "
    "LC_ALL) là tiếng Việt, nếu không là en]",
    "help.targets_file": "Tệp chỉ tiêu dùng để kiểm tra; nếu không có thì dùng dòng targets: của "
    "báo cáo, rồi NQ94_TARGETS, rồi targets = trong nq94.toml ở thư mục này hoặc thư mục trên, "
    "rồi bộ chỉ tiêu có sẵn của nq94.",
    "help.as_of": "Đánh giá mọi báo cáo theo các chỉ tiêu có hiệu lực vào ngày này (YYYY-MM-DD), "
    "thay vì vào ngày cuối của kỳ báo cáo.",
    "help.paths": "Tệp báo cáo, thư mục (các tệp .yaml/.yml/.xlsx trong đó) hoặc mẫu tên tệp "
    "('reports/**/*.yaml').",
    "help.format": "Định dạng kết quả. auto: github khi chạy trong GitHub Actions, bảng trên "
    "màn hình, còn lại là text.",
    "help.recursive": "Tìm cả báo cáo trong các thư mục con.",
    "help.max_bytes": "Từ chối tệp báo cáo lớn hơn mức này, trước khi đọc.",
    "help.check": "Kiểm tra từng báo cáo và cho biết mỗi chỉ tiêu đạt, không đạt hay có nguy "
    "cơ không đạt.",
    "help.check_exit": "Mã thoát: 0 mọi tệp hợp lệ; 1 có đánh giá ở mức --fail-on hoặc xấu hơn; "
    "2 dữ liệu vào không hợp lệ (mỗi lỗi một dòng TỆP:DÒNG:CỘT: trên stderr).",
    "help.strict": "Coi cảnh báo (số liệu có vẻ sai, như 0,95 thay cho 95%) là lỗi: "
    "thoát với mã 2.",
    "help.fail_on": "Thoát với mã 1 khi có chỉ tiêu không đạt ('missed'), hoặc không đạt hay "
    "có nguy cơ không đạt ('at-risk').",
    "help.validate": "Kiểm tra báo cáo đúng định dạng, hợp lý và nhất quán, không đánh giá chỉ "
    "tiêu.",
    "help.validate_exit": "Mã thoát: 0 mọi tệp hợp lệ; 2 có tệp không hợp lệ (các dòng "
    "TỆP:DÒNG:CỘT:).",
    "help.review_format": "Định dạng kết quả; auto là bảng.",
    "help.trend": "Xem từng chỉ tiêu qua các kỳ trong năm: đánh giá từng kỳ, diễn biến, cuối "
    "năm, nhịp độ cần đạt.",
    "help.trend_exit": "Mã thoát: 0 đã đọc các báo cáo; 2 dữ liệu vào không hợp lệ, khác năm "
    "hoặc trùng kỳ.",
    "help.trend_reports": "Các báo cáo của một năm, theo thứ tự bất kỳ (mỗi kỳ một báo cáo): "
    "tệp, thư mục hoặc mẫu tên tệp ('reports/*.yaml').",
    "help.diff": "Liệt kê những gì thay đổi giữa hai báo cáo: số liệu và đánh giá, xấu nhất trước.",
    "help.diff_exit": "Mã thoát: 0 đã so sánh; 1 có đánh giá xấu đi, khi dùng --fail-on "
    "regressed; 2 dữ liệu vào không hợp lệ.",
    "help.diff_old": "Báo cáo trước.",
    "help.diff_new": "Báo cáo sau.",
    "help.fail_on_regressed": "Thoát với mã 1 khi có chỉ tiêu có đánh giá xấu đi ('regressed').",
    "help.export": "Ghi bảng đánh giá của một báo cáo ra tệp để đọc: CSV, JSON, Markdown, HTML "
    "hoặc Excel.",
    "help.export_report": "Báo cáo cần xuất.",
    "help.export_output": "Tệp ghi ra; phần mở rộng quyết định định dạng: .csv .json .md .html "
    ".xlsx",
    "help.schema": "In JSON Schema của tệp báo cáo, cho trình soạn thảo và công cụ kiểm tra "
    "schema.",
    "help.template": "Ghi một báo cáo trống liệt kê mọi chỉ tiêu, kèm tên, đơn vị và ngưỡng.",
    "help.template_period": "Kỳ báo cáo, ví dụ YYYY-9M. [mặc định: năm của các chỉ tiêu]",
    "help.template_basis": "Loại số liệu: chính thức, sơ bộ hoặc ước tính (official, "
    "preliminary, estimate).",
    "help.template_output": "Tệp ghi ra thay cho stdout.",
    "help.force": "Ghi đè tệp ra (-o) nếu đã có.",
    "help.targets": "Kiểm tra một tệp chỉ tiêu và liệt kê các chỉ tiêu với nguyên văn của văn bản "
    "và những gì mỗi văn bản sửa đổi thay đổi, hoặc giải thích một chỉ tiêu.",
    "help.schema_targets_file": "In lược đồ của tệp chỉ tiêu thay cho lược đồ của báo cáo.",
    "help.init": "Ghi một tệp chỉ tiêu để điền: văn bản và mỗi cách diễn đạt chỉ tiêu một ví dụ, "
    "có chú thích.",
    "help.init_year": "Năm của các chỉ tiêu.",
    "help.init_output": "Tệp chỉ tiêu cần ghi (.yaml).",
    "help.target_id": "Mã chỉ tiêu cần giải thích; không ghi thì liệt kê mọi chỉ tiêu.",
    "help.heading.arguments": "Tham số",
    "help.heading.options": "Tùy chọn",
    "help.heading.commands": "Lệnh",
    "help.heading.default": "[mặc định: {{}}]",
    "help.heading.required": "[bắt buộc]",
    "help.heading.envvar": "[biến môi trường: {{}}]",
    "yaml.mapping_values": "không được đặt giá trị ở đây (thường do thiếu dấu cách sau ':' "
    "hoặc thụt lề sai)",
    "yaml.expected_key": "không tìm thấy khóa cần có (thường do thụt lề sai)",
    "yaml.unclosed_list": "không tìm thấy dấu ',' hoặc ']' cần có (danh sách chưa đóng)",
    "yaml.unclosed_mapping": "không tìm thấy dấu ',' hoặc '}}' cần có (bảng chưa đóng)",
    "yaml.bad_character": "gặp ký tự không được dùng ở đầu giá trị (ví dụ dấu tab; hãy thụt "
    "lề bằng dấu cách)",
    "yaml.tab": "dấu tab; hãy thụt lề bằng dấu cách",
    "yaml.control": "ký tự điều khiển ({code}) mà báo cáo không được chứa, thường dán từ Word "
    "(Shift+Enter); hãy xóa nó",
    "yaml.end_of_stream": "tệp kết thúc bất ngờ (thường do dấu ngoặc kép chưa đóng)",
    "yaml.unclosed_quote": "dấu ngoặc kép mở ở đây nhưng không được đóng",
    "yaml.another_document": "có tài liệu thứ hai (---); một báo cáo chỉ là một tài liệu",
    "yaml.escape": "ký tự thoát không hợp lệ sau \\ trong ngoặc kép; hãy ghi \\\\ cho dấu "
    "gạch chéo ngược, hoặc dùng ngoặc đơn",
    "yaml.undefined_alias": "gặp bí danh (alias) chưa được định nghĩa",
    "yaml.expected_colon": "không tìm thấy dấu ':' cần có",
    # workbooks: the template, and reading one back
    "workbook.title": "Báo cáo thực hiện các chỉ tiêu năm {year} của {document_lower}",
    "workbook.instructions": "Điền vào các ô màu vàng: số liệu của từng chỉ tiêu đã có, để "
    "trống chỉ tiêu chưa có số liệu. Chỉ tiêu tốc độ tăng và mức giảm có thể ghi số năm trước "
    "và năm nay thay cho giá trị. Kiểm tra tệp bằng lệnh: nq94 check TỆP.xlsx",
    "workbook.period": "Kỳ báo cáo",
    "workbook.basis": "Loại số liệu",
    "workbook.source": "Nguồn",
    "workbook.targets": "Tệp chỉ tiêu",
    "workbook.choose_period": "Hãy chọn kỳ báo cáo trong danh sách.",
    "workbook.choose_basis": "Hãy chọn chính thức, ước tính hoặc sơ bộ trong danh sách.",
    "workbook.period_hint": "chọn kỳ báo cáo trong danh sách; mã kỳ ở ô bên cạnh",
    "workbook.basis_hint": "chính thức, ước tính hoặc sơ bộ, chọn trong danh sách",
    "workbook.out_of_range": "Hãy nhập một số từ {low} đến {high} {unit}.",
    "workbook.column.id": "Mã chỉ tiêu",
    "workbook.column.section": "Lĩnh vực",
    "workbook.column.target": "Chỉ tiêu (nguyên văn {kind_lower})",
    "workbook.column.unit": "Đơn vị",
    "workbook.column.threshold": "Yêu cầu",
    "workbook.column.value": "Giá trị",
    "workbook.column.baseline": "Năm trước",
    "workbook.column.current": "Năm nay",
    "workbook.column.source": "Nguồn",
    "workbook.column.note": "Ghi chú",
    "err.xlsx.xls": "tệp Excel 97-2003 (.xls); hãy mở và lưu lại dạng .xlsx",
    "err.xlsx.xlsb": "tệp Excel nhị phân (.xlsb); hãy mở và lưu lại dạng .xlsx",
    "err.xlsx.ods": "bảng tính OpenDocument (.ods); hãy mở và lưu lại dạng .xlsx",
    "err.xlsx.macros": "tệp Excel có macro (.xlsm), nq94 không mở; hãy lưu lại dạng .xlsx "
    "(Excel Workbook)",
    "err.xlsx.encrypted": "tệp Excel được đặt mật khẩu; hãy gỡ mật khẩu (File > Info > Protect "
    "Workbook) rồi lưu lại dạng .xlsx",
    "err.xlsx.links": "tệp Excel liên kết tới tệp khác; hãy ngắt liên kết (Data > Edit Links) "
    "rồi lưu lại dạng .xlsx",
    "err.xlsx.not_a_workbook": "không phải tệp Excel .xlsx; hãy nộp báo cáo dạng YAML hoặc .xlsx",
    "err.xlsx.damaged": "tệp Excel bị hỏng hoặc không trọn vẹn; hãy mở bằng Excel hoặc "
    "LibreOffice rồi lưu lại dạng .xlsx",
    "err.xlsx.entities": "tệp Excel chứa khai báo thực thể XML, điều không chương trình bảng tính "
    "nào ghi; hãy mở bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx",
    "err.xlsx.too_large": "tệp Excel khi giải nén lớn hơn {max_bytes} byte; một báo cáo nhỏ hơn "
    "nhiều",
    "err.xlsx.unsafe": "không thể đọc an toàn tệp Excel khi thiếu defusedxml; hãy cài lại nq94",
    "err.xlsx.own_output": "tệp do 'nq94 {command} -o' ghi ra để đọc, không phải báo cáo; hãy "
    "để riêng, ngoài thư mục báo cáo (nq94 đọc mọi tệp trong thư mục báo cáo)",
    "err.xlsx.no_header": "không có dòng tiêu đề ghi các cột 'id' và 'value'; hãy khôi phục dòng "
    "tiêu đề của mẫu (dòng 8) hoặc bắt đầu từ lệnh nq94 template -o bao-cao.xlsx",
    "err.xlsx.no_value_column": "dòng tiêu đề thiếu cột 'value'; hãy khôi phục dòng tiêu đề",
    "err.xlsx.no_period": "không có ô kỳ báo cáo: hãy đặt tên 'period' cho ô ghi kỳ báo cáo "
    "(Formulas > Define Name), hoặc ghi 'period' vào một ô phía trên dòng tiêu đề và ghi kỳ báo "
    "cáo vào ô bên phải nó",
    "err.xlsx.empty_period": "ô kỳ báo cáo đang trống; hãy chọn kỳ báo cáo trong danh sách (ví dụ "
    "{year}-9M)",
    "err.xlsx.period_elsewhere": "ô kỳ báo cáo để trống, còn các ô {cells} đều có kỳ báo cáo; "
    "hãy điền kỳ báo cáo vào ô này",
    "err.xlsx.figures_elsewhere": "trang này không có số liệu, nhưng các trang {sheets} có số liệu "
    "dưới cùng tiêu đề; nq94 chỉ đọc một trang: hãy để số liệu ở một trang và xóa các bản sao "
    "còn lại",
    "err.xlsx.figures_also": "các trang {sheets} cũng có số liệu dưới cùng tiêu đề; nq94 chỉ đọc "
    "một trang của báo cáo: hãy để toàn bộ số liệu ở trang '{sheet}' và xóa các bản sao",
    "note.xlsx.sheet_read": "{file}: trang '{empty}' không có số liệu; đã đọc số liệu ở trang "
    "'{read}', trang duy nhất có số liệu",
    "note.xlsx.period_read": "{file}: ô kỳ báo cáo {cell} để trống; đã đọc kỳ báo cáo ở ô "
    "{other}, trang duy nhất khác có kỳ báo cáo",
    "note.xlsx.period_found": "{file}: trang báo cáo không có ô kỳ báo cáo; đã đọc kỳ báo cáo ở "
    "ô {other}, trang duy nhất có kỳ báo cáo",
    "err.xlsx.uncalculated": "công thức chưa có kết quả được lưu; hãy mở và lưu tệp bằng Excel "
    "hoặc LibreOffice",
    "err.xlsx.error_cell": "ô đang báo lỗi {error}; hãy sửa công thức",
    "err.xlsx.percent_cell": "ô được định dạng phần trăm, nhưng chỉ tiêu này tính bằng {unit}; "
    "hãy định dạng ô là số",
    "err.xlsx.percent_cell_typed": "ô được định dạng phần trăm, nhưng chỉ tiêu này tính bằng "
    "{unit}: hãy định dạng ô là Số rồi gõ {number}",
    "err.xlsx.no_id": "có số liệu nhưng thiếu mã chỉ tiêu ở cột {column}; hãy điền mã hoặc xóa "
    "dòng",
    "err.xlsx.duplicate_id": "chỉ tiêu {id} ghi hai lần, lần đầu ở dòng {row}; mỗi chỉ tiêu chỉ "
    "ghi một lần",
    "err.xlsx.empty": "tệp trống; hãy nộp báo cáo dạng YAML hoặc .xlsx",
    "err.xlsx.strict": "tệp Excel dạng Strict Open XML, nq94 không đọc được; hãy lưu lại dạng "
    "Excel Workbook (.xlsx)",
    "err.xlsx.duplicate_column": "dòng tiêu đề ghi '{key}' ở {first} và lại ghi ở {again}; chỉ "
    "giữ một cột '{key}'",
    "err.xlsx.no_header_sheet": "không trang tính nào có dòng tiêu đề ghi các cột 'id' và "
    "'value'; hãy khôi phục dòng tiêu đề của mẫu (dòng 8) hoặc bắt đầu từ lệnh nq94 template "
    "-o bao-cao.xlsx",
    "err.xlsx.name_range": "tên '{name}' trỏ tới vùng {value}, không phải một ô; hãy cho tên này "
    "trỏ tới ô ghi {name} (Formulas > Name Manager)",
    "err.xlsx.name_deleted": "tên '{name}' trỏ tới một ô đã bị xóa ({value}); hãy cho tên này "
    "trỏ tới ô ghi {name} (Formulas > Name Manager)",
    "err.xlsx.name_not_cell": "tên '{name}' không phải một ô ({value}); hãy cho tên này trỏ tới "
    "ô ghi {name} (Formulas > Name Manager)",
    "err.xlsx.merged_header": "có số liệu nằm dưới tiêu đề '{key}' đang được gộp ô {cells}: nq94 "
    "chỉ đọc cột {column}; hãy bỏ gộp ô tiêu đề và chuyển số liệu sang cột {column}",
    "workbook.a_number": "Hãy nhập một số.",
    "workbook.whole_in_range": "Hãy nhập một số nguyên từ {low} đến {high} {unit}.",
    # nq94 convert
    "help.convert": "Chuyển một báo cáo giữa YAML và Excel (.xlsx), không mất gì.",
    "help.convert_input": "Báo cáo cần chuyển: .yaml, .yml hoặc .xlsx.",
    "help.convert_output": "Tệp ghi ra: .xlsx từ YAML, .yaml từ tệp Excel.",
    "cli.one_report": "'{pattern}' chỉ tới {count} báo cáo; hãy chỉ một",
    "cli.convert_kinds": "convert chuyển YAML thành .xlsx hoặc .xlsx thành YAML; hãy đặt tên tệp "
    "ghi ra là .xlsx, .yaml hoặc .yml, khác loại với tệp vào",
    # usage: help and usage errors, which typer says in English only
    "help.help": "Hiện hướng dẫn này rồi thoát.",
    "help.usage": "Cách dùng:",
    "help.options_metavar": "[TÙY CHỌN]",
    "help.command_metavar": "LỆNH [ĐỐI SỐ]...",
    "usage.see_help": " (xem: {command} --help)",
    "usage.missing_argument": "thiếu đối số {name}",
    "usage.missing_option": "thiếu tùy chọn {name}",
    "usage.no_such_option": "không có tùy chọn {name}{hint}",
    "usage.needs_value": "tùy chọn {name} cần một giá trị",
    "usage.extra_arguments": "thừa đối số: {arguments}",
    "usage.choice": "'{value}' không phải một trong: {choices}",
    "usage.basis": "'{value}' không phải là loại số liệu; hãy dùng chính thức, sơ bộ hoặc ước "
    "tính (official, preliminary, estimate)",
    "usage.date": "'{value}' không phải là một ngày: hãy ghi như 2025-02-25",
    "usage.range": "{value} nằm ngoài khoảng từ {low} đến {high}",
    "usage.integer": "cần một số nguyên",
    "usage.at_least": "cần từ {bound} trở lên",
    "usage.at_most": "cần từ {bound} trở xuống",
    "usage.bad_value": "giá trị không hợp lệ: {reason}",
    "help.metavar.number": "SỐ",
    "help.metavar.file": "TỆP",
    "help.metavar.path": "ĐƯỜNG_DẪN",
    "help.metavar.report": "BÁO_CÁO",
    "help.metavar.id_or_file": "MÃ|TỆP",
    "help.metavar.day": "NĂM-THÁNG-NGÀY",
    "help.metavar.basis": "LOẠI_SỐ_LIỆU",
    "help.metavar.period": "KỲ",
    "help.metavar.old": "CŨ",
    "help.metavar.new": "MỚI",
    "usage.no_such_command": "không có lệnh {name}{hint}",
    "usage.missing_command": "thiếu lệnh",
    # nq94 site
    "help.site": "Dựng một trang web tĩnh cho đại biểu HĐND từ các báo cáo của một năm: trang "
    "tổng quan và một trang cho mỗi chỉ tiêu, bằng tiếng Việt và tiếng Anh, có biểu đồ và số "
    "liệu để tải về.",
    "help.site_exit": "Mã thoát: 0 đã dựng trang; 2 dữ liệu vào không hợp lệ, báo cáo của năm "
    "khác hoặc một kỳ có hai lần, hoặc nơi ghi ra không phải thư mục mới, thư mục trống hay "
    "trang do nq94 dựng.",
    "help.site_output": "Thư mục để dựng trang: mới, trống, hoặc trang nq94 đã dựng trước đó "
    "(được thay toàn bộ).",
    "cli.site_wrote": "đã ghi {output}: {pages} trang; mở {index}",
    "site.not_a_folder": "là một tệp, không phải thư mục; hãy chỉ một thư mục mới hoặc trống "
    "cho trang web",
    "site.not_ours": "thư mục không do nq94 dựng và không trống; hãy chỉ một thư mục mới hoặc "
    "trống, hoặc trang nq94 đã dựng trước đó",
    "site.symlink": "là liên kết tượng trưng; hãy chỉ thẳng thư mục mà nó trỏ tới",
    "site.not_built": "là trang nq94 đã dựng nhưng nay có thêm '{file}', tệp không do nq94 tạo; "
    "hãy chuyển tệp đó ra khỏi thư mục, hoặc chỉ một thư mục khác",
    "site.unreadable": "không đọc được {folder}: {reason}; nq94 chỉ thay một trang web khi xem "
    "được mọi tệp trong đó",
    "site.protected": "{folder} đang được bảo vệ chống ghi: nq94 không xóa được các tệp trong đó, "
    "mà nq94 chỉ thay cả trang web một lần; hãy cho phép ghi, hoặc chỉ một thư mục khác",
    "site.previous_left": "trang web mới đã được đặt vào, nhưng không xóa hết được trang web cũ: "
    "phần còn lại nằm trong {folder}",
    "site.current_folder": "là thư mục đang đứng, hoặc thư mục chứa nó; nq94 thay cả thư mục của "
    "trang web: hãy chỉ nó từ bên ngoài (chạy cd .. trước)",
    "site.mount_point": "là một điểm gắn kết (mount point), không thay được; hãy chỉ một thư mục "
    "bên trong nó",
    "site.title": "{document}: các chỉ tiêu năm {year}",
    "site.overview": "Tổng quan",
    "site.skip": "Bỏ qua, đến nội dung chính",
    "site.scorecard": "Tóm tắt",
    "site.latest": "Theo báo cáo mới nhất, {period}",
    "site.by_section": "Từng chỉ tiêu",
    "site.course": "Diễn biến trong năm",
    "site.course_note": "Mỗi chỉ tiêu một biểu đồ: số liệu của từng báo cáo so với mục tiêu. "
    "Các báo cáo: {periods}. Chọn một biểu đồ để xem trang của chỉ tiêu đó.",
    "site.chart_tables": "Số liệu của các biểu đồ, dạng bảng",
    "site.reports": "Các báo cáo",
    "site.clause": "{document}, mục {clause}",
    "site.as_of": "theo báo cáo {period}",
    "site.fact.margin": "Biên có nguy cơ",
    "site.fact.plan": "Kịch bản của kỳ",
    "site.fact.needed": "Các tháng còn lại",
    "site.fact.stretch": "Mức phấn đấu",
    "site.fact.amended": "Sửa đổi",
    "site.fact.also": "Văn bản khác",
    "site.margin": "±{margin}: số ước tính hoặc số chưa hết năm cách ngưỡng trong khoảng này "
    "được đánh giá có nguy cơ không đạt",
    "site.no_margin": "không có; số liệu được đánh giá đạt hay không đạt đúng như số đã có",
    "site.fact.pace": "Nhịp độ",
    "site.chart_caption": "{name} qua các báo cáo năm {year}, so với yêu cầu {required}",
    "site.chart_amended": "; từ {since}, theo sửa đổi của {document}, {now} (trước đó {was})",
    "site.key.figure": "Số liệu so với mục tiêu",
    "site.key.projected": "Số cả năm: dự báo từ số lũy kế (điểm rỗng), hoặc số của cả năm",
    "site.key.hollow": "Điểm rỗng: số cả năm dự báo từ số lũy kế",
    "site.key.to_date": "Số lũy kế từ đầu năm (chỉ tiêu lũy kế)",
    "site.key.target": "Mục tiêu {required}",
    "site.key.target_line": "Mục tiêu",
    "site.key.plan": "Kịch bản của kỳ",
    "site.key.range": "Khoảng đạt mục tiêu",
    "site.key.band": "Vùng có nguy cơ quanh mục tiêu",
    "site.key.at_risk": "Có nguy cơ trong khoảng ±{margin} (số ước tính và số chưa hết năm)",
    "site.no_figures": "Chưa báo cáo nào có số liệu của chỉ tiêu này.",
    "site.column.report": "Báo cáo",
    "site.column.figure": "Số liệu của kỳ",
    "site.column.plan": "Kịch bản của kỳ",
    "site.column.compared": "Số so với mục tiêu",
    "site.table_caption": "Số liệu của biểu đồ, theo từng báo cáo ({unit})",
    "site.downloads": "Tải số liệu",
    "site.download_note": "Số liệu của mọi báo cáo, như nhau ở cả hai ngôn ngữ: period (kỳ), "
    "basis (cơ sở số liệu), value (số liệu), actual (số so với mục tiêu), status (đánh giá), "
    "source (nguồn), note (ghi chú).",
    "site.download.csv": "CSV, mở bằng bảng tính",
    "site.download.json": "JSON, cho phần mềm",
    "site.targets_nav": "Các chỉ tiêu khác",
    "site.previous": "Trước: {name}",
    "site.next": "Tiếp: {name}",
    "site.footer.one": "Dựng bằng nq94 {version} từ {count} báo cáo. Nguyên văn {kind_lower} được "
    "trích đúng; số liệu theo báo cáo.",
    "site.footer.other": "Dựng bằng nq94 {version} từ {count} báo cáo. Nguyên văn {kind_lower} "
    "được trích đúng; số liệu theo các báo cáo.",
    "help.trend_output": "Ghi thêm diễn biến ra một tệp để đọc, theo phần mở rộng của tệp: "
    ".html (một trang in được, mỗi chỉ tiêu một biểu đồ và một bảng) hoặc .xlsx (bảng diễn "
    "biến và mỗi chỉ tiêu một biểu đồ).",
    "trendfile.title": "{document}: diễn biến các chỉ tiêu năm {year}",
    "trendfile.periods": "Các báo cáo: {periods}",
    "trendfile.at_a_glance": "Tóm tắt: từng chỉ tiêu qua từng báo cáo",
    "trendfile.target": "Chỉ tiêu",
    "trendfile.flows": "Với chỉ tiêu lũy kế (như thu ngân sách), số của mỗi báo cáo là số lũy "
    "kế đến kỳ đó; đánh giá dựa trên số dự báo cả năm từ số này, như biểu đồ của chỉ tiêu cho "
    "thấy.",
    "trendfile.sheet.table": "Diễn biến",
    "trendfile.sheet.charts": "Biểu đồ",
    "trendfile.band_from": "Vùng có nguy cơ, từ",
    "trendfile.band_to": "Vùng có nguy cơ, đến",
    "help.diff_output": "Ghi thêm các thay đổi ra một tệp để đọc, theo phần mở rộng của tệp: "
    ".html (một trang in được: bảng thay đổi, rồi biểu đồ và bảng của từng chỉ tiêu thay đổi) "
    "hoặc .xlsx (bảng thay đổi và mỗi chỉ tiêu thay đổi một biểu đồ).",
    "difffile.reports": "Từ {old} sang {new}",
    "difffile.sheet.table": "Thay đổi",
}
