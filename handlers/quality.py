"""The report quality gate: "rõ mốc, rõ sản phẩm, rõ phương án".

The province's directive: "Mỗi nhiệm vụ phải xác định rõ việc, rõ người, rõ thời hạn,
rõ sản phẩm đầu ra… Không chấp nhận báo cáo kiểu 'đang triển khai', 'đang phối hợp',
'đang rà soát' nếu không có mốc hoàn thành, sản phẩm cụ thể và phương án xử lý."

Three pure checks, one per kind of report; each returns a ``ReportCheck`` whose
``missing`` names what to ask for, in a fixed order:

* ``check_progress`` ("đang làm"): a completion milestone (a date, see dates.py),
  an output, and — only when an obstacle is mentioned — a plan to handle it.
  missing ⊆ ("milestone", "output", "plan").
* ``check_blocker`` ("vướng mắc"): a description of the obstacle and a plan or
  proposal. missing ⊆ ("obstacle", "plan"); a milestone is filled if present.
* ``check_done`` ("xong"): the output. missing ⊆ ("output",).

The handler concatenates the answers of a dialogue with "\\n" and checks the
whole again, so an element may come in any of the messages.

Output ("sản phẩm đầu ra"), tried in this order
    1. a label: "sản phẩm: …", "sản phẩm là …", "sản phẩm đầu ra: …", "đầu ra:",
       "kết quả:" followed by some content that is not a negation ("sản phẩm:
       chưa có" is not an output);
    2. a document number ``\\d+/[A-ZĐ][A-ZĐ0-9-]*`` ("Công văn số 123/STC-NS",
       "QĐ 45/QĐ-UBND", "Tờ trình 12/TTr-SYT"; lower-case codes only after a
       document noun or "số"), unless the document is cited rather than produced:
       after "theo", "căn cứ", "thực hiện", "triển khai", "quy định tại", "chờ",
       "chưa có" ("đã trình tại Tờ trình số 45/TTr-SXD" is produced);
    3. a product noun (dự thảo, báo cáo, tờ trình, kế hoạch, quyết định, công
       văn, văn bản, đề án, phương án, hồ sơ, biên bản, danh sách, bảng theo
       dõi/tổng hợp, số liệu, thông báo, chương trình, quy chế, hướng dẫn, nghị
       quyết, hợp đồng, dự toán, đề cương, tài liệu, quy trình…) that names a
       deliverable. The nearest verb among the three words before it decides:
       a delivery verb (hoàn thành, xong, xây dựng, ban hành, trình, gửi, lập,
       soạn, có, ký, nộp, dự kiến, hoàn thiện, "sản phẩm"…) makes it count —
       "đã gửi báo cáo", "đang xây dựng kế hoạch"; a vague or citing verb (rà
       soát, tổng hợp, triển khai, phối hợp, thực hiện, xử lý, theo, căn cứ…)
       makes it not count — "đang rà soát báo cáo", "đang triển khai kế hoạch",
       "theo kế hoạch". With no verb before it, it counts when a specific object
       follows ("báo cáo đánh giá", "hồ sơ thanh toán" — not "của", "các", "với",
       a date, and for "báo cáo" not a recipient: "báo cáo UBND tỉnh" is the verb
       "to report to") or when a delivery verb follows ("kế hoạch đã ban hành").
       A negated noun ("chưa có kế hoạch", "thiếu hồ sơ") never counts: it is an
       obstacle. "phương án:" / "phương án xử lý" introduce a plan, not an output;
    4. a measurable quantity after an achievement verb: "chi trả 120/150 hộ" (a share
       a/b needs a ≤ b, else it is a date),
       "giải ngân 45 tỷ", "hoàn thành 3/5 hạng mục", "đạt 80% khối lượng" — not
       after "chưa"/"không" and not when followed by "chưa" ("có 3 hộ chưa
       nhận"). A bare percentage ("đạt 60%", "hoàn thành 100%") counts for a
       progress report but not for a done report, where the product itself is
       asked for;
    5. a link (http…, www.…);
    6. for a done report, an attached file: the report is accepted, ``output``
       stays None unless the text names one (the handler records the file name).
    "xong rồi", "đã hoàn thành", "ok", "done" alone are not outputs.

Obstacle
    vướng (mắc), khó khăn, chưa có/được/đủ/bố trí/thống nhất/phê duyệt/đồng ý…,
    thiếu, chờ, chậm (do…) — not "chậm nhất", which is a deadline —, do … chưa,
    bị … chặn/phản đối/khiếu nại, không thể, không đồng ý, tồn tại, hạn chế, trở
    ngại, bất cập, ách tắc, phát sinh. Negated mentions are not obstacles: "không
    có vướng mắc", "không vướng", "chưa phát sinh khó khăn", "không gặp khó khăn",
    "đã tháo gỡ xong vướng mắc", "chưa có vướng mắc gì", "khó khăn: không".
    For a blocker report any substantive description counts (at least three
    meaningful words once the plan is set aside): "Dân không đồng ý giá đền bù".

Plan
    phương án, đề xuất, kiến nghị, giải pháp, biện pháp, hướng xử lý, xin ý kiến,
    xin chủ trương, đề nghị, sẽ, dự kiến xử lý/tháo gỡ/làm việc/họp, đã/đang làm
    việc với, tiếp tục vận động, phối hợp với … để, để tháo gỡ/giải quyết, báo cáo
    (trình) … xem xét. Not when negated: "chưa có phương án" is an obstacle.

Vague
    ``vague`` is True when nothing concrete was found (no milestone, output,
    obstacle or plan) and the text is a stock status ("đang triển khai", "đang
    phối hợp", "đang rà soát", "đang thực hiện", "đang làm", "đang xử lý", "đang
    tổng hợp", "đang hoàn thiện", "đang tích cực", "cơ bản xong", "ok", "đã
    nhận", "xong rồi", "đã hoàn thành"…) or says almost nothing (fewer than three
    meaningful words). The handler uses it to word its answer.

Text is read as dates.py reads it: NFC, case-insensitive, "ủy/uỷ", "hóa/hoá" alike;
lines typed without diacritics are matched without them (with the ambiguous words
— "chờ"/"cho", "vướng"/"vuông", "sẽ"/"chia sẻ" — only in unambiguous phrases).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .dates import _fold, _Pat, _Text, find_date

__all__ = ["ReportCheck", "check_progress", "check_blocker", "check_done"]


@dataclass(frozen=True)
class ReportCheck:
    milestone: date | None  # completion date found
    output: str | None  # the concrete product phrase found ("dự thảo kế hoạch", "Công văn số 123/STC-NS")
    obstacle: str | None  # the obstacle phrase found ("vướng mặt bằng", "chưa có vốn", "chờ ý kiến Bộ")
    plan: str | None  # the plan phrase found
    vague: bool  # the text is essentially only a vague status (see the module docstring)
    missing: tuple[str, ...]  # progress: ⊆ (milestone, output, plan); blocker: ⊆ (obstacle, plan); done: ⊆ (output,)

    @property
    def accepted(self) -> bool:
        return not self.missing


# ----------------------------------------------------------------- helpers

def _alts(*pairs: str | tuple[str, str | None]) -> _Pat:
    """A word-bounded alternation; a pair (accented, folded) gives the unaccented
    variant explicitly (None: the word is too ambiguous without diacritics)."""
    acc, fold = [], []
    for p in pairs:
        a, f = (p if isinstance(p, tuple) else (p, _fold(p)))
        acc.append(a)
        if f is not None:
            fold.append(f)
    return _Pat(r"\b(?:" + "|".join(acc) + r")\b", folded=r"\b(?:" + "|".join(fold) + r")\b")


class _Words:
    """A set of words (written with diacritics) tested in either form."""

    def __init__(self, words: str) -> None:
        self.acc = frozenset(words.split())
        self.fold = frozenset(_fold(w) for w in self.acc)

    def has(self, word: str, accented: bool) -> bool:
        return word in (self.acc if accented else self.fold)


_PHRASE_END = re.compile(r"[,;:!?\n()]|\.(?=\s|$)|\s[-–]\s")
_WORD = re.compile(r"[^\W_]+")


def _phrase_end(t: _Text, start: int, limit: int | None = None) -> int:
    m = _PHRASE_END.search(t.norm, start)
    end = m.start() if m else len(t.norm)
    return min(end, limit) if limit is not None else end


def _phrase_after_cue(t: _Text, pos: int) -> int:
    """End of the phrase a cue starts; "vướng mắc: chưa có mặt bằng" goes past the colon."""
    rest = t.norm[pos:]
    if rest.lstrip(" ").startswith(":"):
        pos = t.norm.index(":", pos) + 1
    return _phrase_end(t, pos)


def _quote(t: _Text, start: int, end: int, max_words: int = 14) -> str:
    words = t.orig[start:end].split()
    return " ".join(words[:max_words]).strip(" ,.;:-–")


_STOP = _Words("""
a à ạ ơi nhé nha nhá nhe ok oke okay vâng dạ em anh chị mình tôi chúng ta thì là mà và rồi đang đã
các những của với cho về này gì cũng vẫn luôn vậy nhỉ hả à ừ ừm đơn vị bên
""")


def _meaningful(t: _Text, start: int = 0, end: int | None = None, blank: Sequence[tuple[int, int]] = ()) -> int:
    chars = list(t.fold[start:end])
    for a, b in blank:
        for i in range(max(a, start), min(b, start + len(chars))):
            chars[i - start] = " "
    words = _WORD.findall("".join(chars))
    return sum(1 for w in words if w not in _STOP.fold)


# ------------------------------------------------------------------ obstacle

_OBSTACLE = _alts(
    (r"vướng(?:\s+mắc)?", r"(?<!met\s)(?<!m\s)vuong(?:\s+mac)?"),
    r"khó\s+khăn",
    r"chưa\s+(?:có|được|đủ|bố\s+trí|thống\s+nhất|phê\s+duyệt|giải\s+phóng|bàn\s+giao|cấp|nhận|đồng\s+ý|"
    r"giải\s+ngân|ký|kí)",
    r"thiếu",
    (r"chờ", r"(?:dang|con|van|phai)\s+cho|cho\s+(?:y\s+kien|phe\s+duyet|von|ket\s+qua|bo|ubnd|tinh|thong\s+qua)"),
    (r"chậm(?!\s+nhất)", r"cham(?!\s+(?:nhat|diem|dut|cong|soc))"),
    r"bị\s+(?:\w+\s+){0,2}?(?:chặn|phản\s+đối|khiếu\s+nại|ngăn\s+cản|dừng|đình\s+chỉ|trả\s+lại|từ\s+chối)",
    r"không\s+thể", r"không\s+đồng\s+ý", r"không\s+kịp",
    r"không\s+(?:có|đủ)\s+(?!gì\b|vướng|khó\s+khăn|tồn\s+tại|vấn\s+đề|trở\s+ngại|phát\s+sinh)",
    r"tồn\s+tại", r"hạn\s+chế", r"trở\s+ngại", r"bất\s+cập", r"ách\s+tắc", r"phát\s+sinh",
    r"do\s+(?:\w+\s+){0,5}?chưa", r"vì\s+(?:\w+\s+){0,5}?chưa",
    r"khiếu\s+nại", r"phản\s+đối",
)
_NEGATOR = _Pat(r"\b(?:không|chưa|chẳng|hết|không\s+còn|không\s+có|chưa\s+có|không\s+gặp|chưa\s+gặp|"
                r"không\s+phát\s+sinh|chưa\s+phát\s+sinh|không\s+thấy|chưa\s+thấy|không\s+bị|không\s+phải|"
                r"đã\s+(?:tháo\s+gỡ|giải\s+quyết|khắc\s+phục|xử\s+lý)(?:\s+xong)?)"
                # "không có khó khăn, vướng mắc gì": the negation covers the whole list
                r"(?:\s*(?:gì|khó\s+khăn|vướng\s+mắc|vướng|tồn\s+tại|trở\s+ngại|hạn\s+chế|vấn\s+đề|bất\s+cập|"
                r"và|hay|hoặc|,|/))*\s*$")
_NEGATED_AFTER = _Pat(r"^\s*(?:gì|[:\-–]\s*(?:không|0|ko|k)\b|không\s+có\b)")
_EMPTY_AFTER_CHUA = _Pat(r"^\s*(?:gì|vướng|khó\s+khăn|tồn\s+tại|vấn\s+đề|phát\s+sinh|trở\s+ngại)\b")


_LEAD_IN = _Pat(r"^(?:(?:hiện\s+nay|hiện\s+tại|hiện|đang|tuy\s+nhiên|nhưng|còn|vẫn|do|vì|bởi\s+vì)\s+)+")
_SUBJECT_END = re.compile(r"[,;:!?\n()]|\.(?=\s|$)")


def _subject_start(t: _Text, cue: int) -> int:
    """Where an obstacle phrase starts: at its cue, or a little earlier when a short
    subject comes first ("Nhà thầu thi công chậm", "Dân không đồng ý …")."""
    lo = 0
    for m in _SUBJECT_END.finditer(t.norm, 0, cue):
        lo = m.end()
    head = t.key_at(cue)[lo:cue]
    words = head.split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in head):
        return cue
    lead = _LEAD_IN.search_in(head.lstrip(), t.accented_at(cue))
    start = lo + (len(head) - len(head.lstrip()))
    if lead:
        start += lead.end()
    return start if start < cue else cue


def _obstacles(t: _Text) -> tuple[list[tuple[int, int]], bool]:
    """Spans of non-negated obstacle mentions (start of cue, end of phrase), and
    whether a negated one ("không có vướng mắc") was seen."""
    found: list[tuple[int, int]] = []
    negated = False
    for m in _OBSTACLE.finditer(t):
        acc = t.accented_at(m.start())
        after = t.key_at(m.start())[m.end():m.end() + 30]
        cue = _fold(m.group(0))
        if (_NEGATOR.search_in(t.before(m.start(), 8), acc) or _NEGATED_AFTER.search_in(after, acc)
                or (cue.startswith("chua") and _EMPTY_AFTER_CHUA.search_in(after, acc))):
            negated = True
            continue
        found.append((_subject_start(t, m.start()), _phrase_after_cue(t, m.end())))
    found.sort()
    return found, negated


# ---------------------------------------------------------------------- plan

_PLAN = _alts(
    r"phương\s+án", r"đề\s+xuất", r"kiến\s+nghị", r"giải\s+pháp", r"biện\s+pháp", r"xin\s+ý\s+kiến",
    r"xin\s+chủ\s+trương", r"đề\s+nghị", (r"sẽ", r"(?<!chia\s)se"),
    r"dự\s+kiến\s+(?:xử\s+lý|tháo\s+gỡ|giải\s+quyết|làm\s+việc|tổ\s+chức|họp|báo\s+cáo|trình)",
    r"hướng\s+(?:xử\s+lý|giải\s+quyết|khắc\s+phục|tháo\s+gỡ)", r"cách\s+xử\s+lý",
    r"(?:đã|đang)\s+làm\s+việc\s+với", r"tiếp\s+tục\s+(?:vận\s+động|làm\s+việc|đôn\s+đốc|đối\s+thoại)",
    r"phối\s+hợp\s+(?:[^\s,;.]+\s+){0,8}?để", r"để\s+(?:tháo\s+gỡ|giải\s+quyết|xử\s+lý|khắc\s+phục)",
    r"(?:báo\s+cáo|trình)\s+(?:[^\s,;.]+\s+){0,8}?xem\s+xét",
)
_PLAN_NEGATED = _Pat(r"\b(?:chưa|không|thiếu|chưa\s+có|không\s+có|chờ)\s*$")
_PLAN_BREAK = _alts(r"do", r"vì", r"vướng", r"khó\s+khăn", r"nhưng")


_PROPOSAL = re.compile(r"^(?:phuong\s+an|de\s+xuat|kien\s+nghi|giai\s+phap|bien\s+phap|xin|de\s+nghi)")


def _plans(t: _Text) -> list[tuple[int, int, bool]]:
    """Spans of plan phrases, each with whether it is a proposal (đề xuất, kiến nghị,
    phương án…): a product named inside a proposal is asked for, not delivered."""
    spans: list[tuple[int, int, bool]] = []
    for m in _PLAN.finditer(t):
        acc = t.accented_at(m.start())
        if _PLAN_NEGATED.search_in(t.before(m.start(), 2), acc):
            continue
        end = _phrase_after_cue(t, m.end())
        br = _PLAN_BREAK.rx(acc).search(t.key_at(m.start()), m.end(), end)
        spans.append((m.start(), br.start() if br else end, bool(_PROPOSAL.match(_fold(m.group(0))))))
    spans.sort()
    return spans


# -------------------------------------------------------------------- output

_LABEL = _Pat(r"\b(?:sản\s+phẩm(?:\s+đầu\s+ra)?|đầu\s+ra|kết\s+quả)\s*(?::|-|–|\blà\b)\s*")
_LABEL_BAD = _Pat(r"^\s*(?:chưa|không|đang|sẽ|ko)\b")

_DOCNUM_UPPER = re.compile(r"(?<![\w/])\d+(?:/\d{2,4})?/[A-ZĐ][A-Za-zĐđ0-9-]*(?:/[A-Za-zĐđ0-9-]+)?")
_DOCNUM_ANY = re.compile(r"(?<![\w/])\d+(?:/\d{2,4})?/[^\W\d_][\w-]*(?:/[\w-]+)?")
_DOC_NOUN = _Pat(r"\b(?:công\s+văn|cv|quyết\s+định|qđ|tờ\s+trình|ttr|báo\s+cáo|bc|kế\s+hoạch|kh|thông\s+báo|tb|"
                 r"văn\s+bản|vb|nghị\s+quyết|nq|chỉ\s+thị|hướng\s+dẫn|hd|biên\s+bản|giấy\s+mời|đề\s+án|"
                 r"chương\s+trình|hợp\s+đồng|hđ|thông\s+tư|nghị\s+định|nđ|số)"
                 r"(?:\s+(?:số|sô))?\s*[:.]?\s*$")
_CITED = _Pat(r"\b(?:theo|căn\s+cứ|thực\s+hiện|triển\s+khai|chờ|chưa\s+có|chưa\s+nhận\s+được|chưa|"
              r"quy\s+định\s+tại|không\s+có)\s*$")

_PRODUCT = _alts(
    r"dự\s+thảo", r"báo\s+cáo", r"tờ\s+trình", r"kế\s+hoạch", r"quyết\s+định", r"công\s+văn", r"văn\s+bản",
    r"đề\s+án", r"phương\s+án", r"hồ\s+sơ", r"biên\s+bản", r"danh\s+sách",
    r"bảng\s+(?:theo\s+dõi|tổng\s+hợp|kê|thống\s+kê|số\s+liệu)", r"số\s+liệu", r"thông\s+báo",
    r"chương\s+trình", r"quy\s+chế", r"hướng\s+dẫn", r"nghị\s+quyết", r"hợp\s+đồng", r"dự\s+toán",
    r"đề\s+cương", r"tài\s+liệu", r"quy\s+trình", r"bản\s+đồ", r"bản\s+vẽ", r"giấy\s+chứng\s+nhận",
    r"giấy\s+phép", r"đề\s+tài", r"bộ\s+hồ\s+sơ", r"báo\s+giá",
)
_DELIVERY = (r"hoàn\s+thành|hoàn\s+tất|xong|xây\s+dựng|ban\s+hành|(?<!tờ\s)(?<!chương\s)(?<!quy\s)(?<!lộ\s)trình|"
             r"gửi|lập|soạn(?:\s+thảo)?|biên\s+soạn|có|ký|kí|phát\s+hành|nộp|dự\s+kiến|thông\s+qua|"
             r"phê\s+duyệt|tham\s+mưu|chuẩn\s+bị|hoàn\s+thiện|công\s+bố|cung\s+cấp|chuyển|sản\s+phẩm|"
             r"ra(?!\s+soát)|đưa\s+ra|cập\s+nhật|đăng\s+tải|bàn\s+giao|in\s+ấn|tải\s+lên|upload|dự\s+thảo|làm|viết")
_VAGUE_VERB = (r"rà\s+soát|tổng\s+hợp|triển\s+khai|phối\s+hợp|thực\s+hiện|xử\s+lý|xem\s+xét|nghiên\s+cứu|"
               r"theo\s+dõi|đôn\s+đốc|chỉ\s+đạo|tiến\s+hành|giải\s+quyết|kiểm\s+tra|thẩm\s+định|góp\s+ý|"
               r"đọc|tìm\s+hiểu|chờ|theo|căn\s+cứ|tại|về|đúng|vượt|như|bám\s+sát|quán\s+triệt")
_GOVERN = _Pat(rf"\b(?:(?P<d>{_DELIVERY})|(?P<v>{_VAGUE_VERB}))\b",
               folded=rf"\b(?:(?P<d>{_fold(_DELIVERY)})|(?P<v>{_fold(_VAGUE_VERB).replace('|cho|', '|')}))\b")
_PRODUCT_NEGATED = _Pat(r"\b(?:chưa|không|thiếu|chờ|chẳng)\b")
_DELIVERED_AFTER = _Pat(r"^\s*(?:(?:đã|được|vừa|cũng|đều)\s+){0,3}(?:ban\s+hành|xong|hoàn\s+thành|hoàn\s+tất|"
                        r"trình|gửi|ký|kí|phê\s+duyệt|thông\s+qua|phát\s+hành|nộp|công\s+bố|dự\s+kiến)\b")
_NOT_OBJECT = _Words("""
của các những với cho về này đó ấy liên quan rồi xong nhé ạ và đang đã sẽ thì là để theo từ đến trước sau tại
trong ngày nữa còn chưa không cũng thuộc trên dưới như hoặc hay mà vì nên lại được do gửi nộp trình đúng
lên hết tiếp
""")
_RECIPIENT = _Words("ubnd ủy ub lãnh chủ thường hđnd sở bộ tỉnh huyện cấp ban đoàn đồng thủ tổ xin")
_PRODUCT_BREAK = _Pat(r"\s(?:trước|dự\s+kiến|xong|ngày|đến|để|nhưng|do|vì|hạn|sẽ|đã|đang|và|hoàn\s+thành|vào|"
                      r"kịp|chậm\s+nhất|cho|gửi|nộp|đúng|theo|trong\s+(?:ngày|tuần|tháng|quý|năm|hôm)|"
                      r"trình\s+(?:ubnd|ủy|hđnd|sở|bộ|lãnh|chủ|thường|tỉnh|huyện))\b")
_PLAN_NOUN_AFTER = _Pat(r"^\s*(?::|(?:xử\s+lý|tháo\s+gỡ|giải\s+quyết|khắc\s+phục)\b)")

_UNITS = (r"hộ(?:\s+dân)?|người|tỷ|tỉ|triệu|nghìn|ngàn|đồng|km2?|m[23]?|mét|ha|hecta|hạng\s+mục|công\s+trình|"
          r"hồ\s+sơ|xã|phường|thị\s+trấn|đơn\s+vị|trường|cơ\s+sở|căn|nhà|dự\s+án|lớp|học\s+sinh|lượt|liều|"
          r"giấy(?:\s+chứng\s+nhận)?|tấn|cây|thửa|lô|gói\s+thầu|chỉ\s+tiêu|tiêu\s+chí|nhiệm\s+vụ|văn\s+bản|"
          r"thủ\s+tục|doanh\s+nghiệp|suất|chiếc|điểm|bản|trụ|tuyến|buổi|cuộc|đợt|trẻ|mẫu|"
          r"đối\s+tượng|trường\s+hợp|vụ|việc|phòng|tổ\s+chức|cá\s+nhân|bệnh\s+nhân|thôn|bộ|bản\s+đồ")
_ACHIEVE = (r"chi\s+trả|giải\s+ngân|đạt|hoàn\s+thành|xong|cấp(?:\s+phát)?|thu|thu\s+hồi|xử\s+lý|giải\s+quyết|"
            r"bàn\s+giao|lắp\s+đặt|tiếp\s+nhận|hỗ\s+trợ|tiêm|kiểm\s+tra|thẩm\s+định|phê\s+duyệt|đào\s+tạo|"
            r"tập\s+huấn|vận\s+động|di\s+dời|sửa\s+chữa|nghiệm\s+thu|thanh\s+toán|xây\s+dựng|trồng|nâng\s+cấp|"
            r"cải\s+tạo|làm\s+được|thực\s+hiện\s+được|được|đã\s+có|thi\s+công|số\s+hóa|cập\s+nhật|rà\s+soát\s+xong|"
            r"kiểm\s+đếm|đo\s+đạc|thẩm\s+tra|phân\s+bổ|bố\s+trí|tuyên\s+truyền|cấp\s+đổi|đăng\s+ký")
_QUANTITY = _Pat(rf"\b(?:{_ACHIEVE})\s+(?:[^\W\d_]+\s+){{0,3}}?(\d[\d.,]*(?:/\d[\d.,]*)?)\s*(%|(?:{_UNITS})\b)")
_QTY_BLOCK = _Pat(r"\b(?:chưa|còn|vướng|thiếu|không)\b")
_QTY_NEGATED = _Pat(r"\b(?:chưa|không|chẳng)\s*$")
_QTY_AFTER_BAD = _Pat(r"^\s*(?:\w+\s+){0,3}?(?:chưa|không)\b")

_LINK = re.compile(r"(?i)\b(?:https?://|www\.)\S+")


def _label_output(t: _Text) -> str | None:
    for m in _LABEL.finditer(t):
        acc = t.accented_at(m.start())
        start = m.end()
        end = _phrase_end(t, start)
        if not t.norm[start:end].strip() and t.norm[end:end + 1] == "\n":
            start, end = end + 1, _phrase_end(t, end + 1)  # "Sản phẩm:" then the content on the next line
        content = t.key_at(start)[start:end]
        if not content.strip() or _LABEL_BAD.search_in(content, acc):
            continue
        if _meaningful(t, start, end) >= 1:
            return _quote(t, start, end, max_words=16)
    return None


def _doc_outputs(t: _Text) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    seen: set[int] = set()
    for rx, need_noun in ((_DOCNUM_UPPER, False), (_DOCNUM_ANY, True)):
        for m in rx.finditer(t.orig):
            if m.start() in seen:
                continue
            acc = t.accented_at(m.start())
            lo = max(t.clause_start(m.start()), m.start() - 40)
            window = t.key_at(m.start())[lo:m.start()]
            noun = _DOC_NOUN.search_in(window, acc)
            if need_noun and noun is None:
                continue
            start = lo + noun.start() if noun else m.start()
            if _CITED.search_in(t.before(start, 3), acc):
                seen.add(m.start())
                continue
            seen.add(m.start())
            found.append((start, _quote(t, start, m.end())))
    found.sort()
    return found


def _product_outputs(t: _Text) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in _PRODUCT.finditer(t):
        acc = t.accented_at(m.start())
        key = t.key_at(m.start())
        before = t.before(m.start(), 3)
        before = before.split(",")[-1]
        if _PRODUCT_NEGATED.search_in(before, acc):
            continue
        after_text = key[m.end():m.end() + 40]
        is_plan_noun = _fold(m.group(0)).startswith("phuong an") and _PLAN_NOUN_AFTER.search_in(after_text, acc)
        if is_plan_noun:
            continue
        verbs = list(_GOVERN.rx(acc).finditer(before))
        counts = False
        if verbs and verbs[-1].group("d"):
            counts = True
        elif not verbs:
            if _DELIVERED_AFTER.search_in(after_text, acc):
                counts = True
            else:
                word = _WORD.match(t.after(m.end(), 1))
                if word:
                    w = word.group(0)
                    recipient = _fold(m.group(0)) == "bao cao" and _RECIPIENT.has(w, acc)
                    counts = not _NOT_OBJECT.has(w, acc) and not recipient
        if not counts:
            continue
        end = _phrase_end(t, m.end())
        br = _PRODUCT_BREAK.rx(acc).search(key, m.end(), end)
        if br:
            end = br.start()
        found.append((m.start(), _quote(t, m.start(), end, max_words=10)))
    return found


def _quantity_outputs(t: _Text) -> list[tuple[int, str, bool]]:
    found: list[tuple[int, str, bool]] = []
    for m in _QUANTITY.finditer(t):
        acc = t.accented_at(m.start())
        key = t.key_at(m.start())
        between = key[m.start():m.start(1)]
        share = re.fullmatch(r"(\d+)/(\d+)", m.group(1))
        if share and int(share.group(1)) > int(share.group(2)):
            continue  # "xong 15/6 …" is a date; a share of a total is "120/150 hộ"
        if _QTY_BLOCK.search_in(between, acc) or _QTY_NEGATED.search_in(t.before(m.start(), 2), acc):
            continue
        if _QTY_AFTER_BAD.search_in(t.after(m.end(), 4), acc):
            continue
        is_percent = m.group(2) == "%"
        end = m.end()
        if is_percent:  # "đạt 80% khối lượng"
            tail = re.match(r"\s+(?:khối\s+lượng|kế\s+hoạch|khoi\s+luong|ke\s+hoach)\b", key[end:])
            end += tail.end() if tail else 0
        found.append((m.start(), _quote(t, m.start(), end), is_percent))
    return found


def _find_output(t: _Text, *, done: bool,
                 exclude: Sequence[tuple[int, int]] = ()) -> str | None:
    """The output phrase, by the priority in the module docstring. Mentions inside
    ``exclude`` (obstacle phrases, proposals) are awaited or asked for, not outputs:
    "đang chờ các xã gửi số liệu", "đề nghị UBND tỉnh ban hành kế hoạch"."""
    label = _label_output(t)
    if label:
        return label

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in exclude)

    docs = [phrase for pos, phrase in _doc_outputs(t) if free(pos)]
    if docs:
        return docs[0]
    products = [phrase for pos, phrase in _product_outputs(t) if free(pos)]
    if products:
        return products[0]
    for pos, phrase, is_percent in _quantity_outputs(t):
        if free(pos) and not (done and is_percent):
            return phrase
    link = _LINK.search(t.orig)
    if link:
        return link.group(0).rstrip(".,;)")
    return None


# --------------------------------------------------------------------- vague

_VAGUE = _alts(
    r"đang\s+(?:tích\s+cực\s+|khẩn\s+trương\s+|tập\s+trung\s+)?(?:triển\s+khai|phối\s+hợp|rà\s+soát|thực\s+hiện|"
    r"làm|xử\s+lý|tổng\s+hợp|hoàn\s+thiện|tiến\s+hành|chỉ\s+đạo|đôn\s+đốc|theo\s+dõi|nghiên\s+cứu|"
    r"xem\s+xét|giải\s+quyết|tích\s+cực|khẩn\s+trương|tập\s+trung|chuẩn\s+bị|xây\s+dựng)",
    r"cơ\s+bản\s+(?:xong|hoàn\s+thành|hoàn\s+tất)", r"ok", r"oke", r"okay", r"done", r"đã\s+nhận", r"đã\s+rõ",
    r"nhận\s+nhiệm\s+vụ", r"tiếp\s+tục\s+(?:triển\s+khai|thực\s+hiện|theo\s+dõi)",
    r"(?:đã\s+)?xong(?:\s+rồi)?", r"(?:đã\s+)?hoàn\s+thành(?:\s+rồi)?",
)


def _is_vague(t: _Text) -> bool:
    return bool(next(_VAGUE.finditer(t), None)) or _meaningful(t) < 3


# ------------------------------------------------------------------- checks

@dataclass(frozen=True)
class _Reading:
    milestone: date | None
    obstacle: str | None
    obstacle_negated: bool
    obstacle_spans: list[tuple[int, int]]
    plan: str | None
    plan_spans: list[tuple[int, int]]
    proposal_spans: list[tuple[int, int]]

    @property
    def not_outputs(self) -> list[tuple[int, int]]:
        return self.obstacle_spans + self.proposal_spans


def _read(t: _Text, text: str, today: date) -> _Reading:
    plans = _plans(t)
    plan_spans = [(a, b) for a, b, _ in plans]
    proposal_spans = [(a, b) for a, b, proposal in plans if proposal]
    obstacle_spans, negated = _obstacles(t)
    # an obstacle phrase stops where a plan starts ("… chưa có vốn, đề xuất …")
    cut = []
    for a, b in obstacle_spans:
        nxt = [p for p, _ in plan_spans if a < p < b]
        cut.append((a, min(nxt) if nxt else b))
    obstacle = next((q for q in (_quote(t, a, b) for a, b in cut) if q), None)
    plan = next((q for q in (_quote(t, a, b, max_words=20) for a, b in plan_spans) if q), None)
    return _Reading(find_date(text, today), obstacle, negated, cut, plan, plan_spans, proposal_spans)


def check_progress(text: str, today: date) -> ReportCheck:
    """"Đang làm" report: needs a milestone and an output, and a plan when an
    obstacle is mentioned (negated mentions — "không có vướng mắc" — are not).

    missing ⊆ ("milestone", "output", "plan"), in that order. A measurable
    quantity ("đã chi trả 120/150 hộ", "đạt 60%") is an output here.
    """
    t = _Text(text)
    r = _read(t, text, today)
    output = _find_output(t, done=False, exclude=r.not_outputs)
    missing = tuple(name for name, lacking in (
        ("milestone", r.milestone is None),
        ("output", output is None),
        ("plan", r.obstacle is not None and r.plan is None),
    ) if lacking)
    vague = _vague(t, r, output)
    return ReportCheck(r.milestone, output, r.obstacle, r.plan, vague, missing)


def check_blocker(text: str, today: date) -> ReportCheck:
    """"Vướng mắc" report: needs the obstacle and a plan or proposal.

    The obstacle is any substantive description — at least three meaningful
    words once the plan phrase is set aside ("Dân không đồng ý giá đền bù") —
    unless the text only denies one ("không có vướng mắc gì"). ``obstacle`` is the
    recognised obstacle phrase when there is one, else that description. A plan is
    a proposal or next step (see the module docstring). The milestone is optional
    and filled when a date is given. missing ⊆ ("obstacle", "plan"), in that order.
    """
    t = _Text(text)
    r = _read(t, text, today)
    substantive = _meaningful(t, blank=r.plan_spans) >= 3
    obstacle = None
    if substantive and (r.obstacle is not None or not r.obstacle_negated):
        obstacle = r.obstacle or _leftover(t, r.plan_spans)
    missing = tuple(name for name, lacking in (("obstacle", obstacle is None), ("plan", r.plan is None))
                    if lacking)
    output = _find_output(t, done=False, exclude=r.not_outputs)
    vague = _vague(t, r, output) and obstacle is None
    return ReportCheck(r.milestone, output, obstacle, r.plan, vague, missing)


def check_done(text: str, today: date, has_attachment: bool = False) -> ReportCheck:
    """"Xong" report: needs the output ("sản phẩm đầu ra").

    A document number ("Công văn số 123/STC-NS", "QĐ 45/QĐ-UBND", "Tờ trình
    12/TTr-SYT"), a delivered product ("đã ban hành kế hoạch…", "đã gửi báo
    cáo…"), a quantity of work ("hoàn thành chi trả 120 hộ" — a bare "100%" is not
    enough here), a link, or an attached file (``has_attachment``: accepted, with
    ``output`` None unless the text also names one). "xong rồi", "đã hoàn thành", "ok",
    "done" alone are not outputs. The milestone (the completion date, when given),
    obstacle and plan are filled for the record. missing ⊆ ("output",).
    """
    t = _Text(text)
    r = _read(t, text, today)
    output = _find_output(t, done=True, exclude=r.not_outputs)
    missing = ("output",) if output is None and not has_attachment else ()
    vague = _vague(t, r, output) and not has_attachment
    return ReportCheck(r.milestone, output, r.obstacle, r.plan, vague, missing)


def _vague(t: _Text, r: _Reading, output: str | None) -> bool:
    if r.milestone is not None or output is not None or r.obstacle is not None or r.plan is not None:
        return False
    return _is_vague(t)


def _leftover(t: _Text, blank: list[tuple[int, int]]) -> str:
    chars = list(t.orig)
    for a, b in blank:
        chars[a:b] = " " * (b - a)
    return " ".join("".join(chars).split()).strip(" ,.;:-–")
