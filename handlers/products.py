"""Done means a product: the rules a ✅ Xong passes after the quality gate (quality.py)
has found an output in it.

The province's notice: "Không đánh giá hoàn thành nhiệm vụ chỉ bằng việc đã ban hành
văn bản, có dự thảo hoặc đang xin ý kiến." Pure functions; the handler (reports.py)
words the answers.

``check_completion`` returns a ``CompletionCheck`` whose ``verdict`` is
  * ``not_product``: the only product is a step on the way, ``reason`` says which —
      - ``draft``: a draft ("đã có dự thảo", "hoàn thành dự thảo kế hoạch"), unless the
        task asks for the draft itself (its action or expected output says "dự thảo"),
        or the draft is what the unit commented on ("góp ý dự thảo");
      - ``consultation``: a request for comments ("đang xin ý kiến", "đã gửi … xin ý
        kiến các sở", "lấy ý kiến", "chờ góp ý"), unless the task is about comments;
      - ``pending``: a submission still awaiting decision ("đã trình, chờ phê duyệt",
        "đang trình", "chờ ký ban hành"), unless submitting is the task (its action says
        "trình" or "tham mưu", or a "Tờ trình" is expected);
      - ``urging``: a letter that merely urges or forwards ("đã ban hành công văn đôn
        đốc số 45/STC-TH", "văn bản chuyển các phòng", "đã đôn đốc các xã"), unless
        the task is to urge.
    Draft, consultation and pending give way to a document issued with its number
    ("đã ban hành Kế hoạch số 12/KH-UBND, trước đó đã xin ý kiến các sở");
  * ``unnamed_file``: a file and no words naming the product: the official says
    what it is;
  * ``mismatch``: the task names an expected output (``Task.expected_output``, else a
    product its action asks for: "Xây dựng Kế hoạch …", "Báo cáo UBND tỉnh …") and the
    stated product is another kind ("Báo cáo số 12/BC-SYT" for a "Kế hoạch"; "văn bản
    số 12/KH" for a "Quyết định"): the official confirms before it is accepted. A
    stated product that also names the expected kind ("Quyết định số 45/QĐ-UBND phê
    duyệt Đề án …" for an "Đề án") matches;
  * ``ok``.

Text is compared without diacritics and case (typed "da co du thao" reads as "đã có dự
thảo"): every phrase here is unambiguous in that form.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .dates import _fold

__all__ = ["CompletionCheck", "KINDS", "check_completion", "expected_kind", "kind_of"]

# Kinds of product, each with its nouns (folded) and the type codes of its document
# numbers ("12/KH-UBND": the first part after the number; "45/STC-TH" has none).
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ke_hoach": (r"ke hoach", ("kh",)),
    "quyet_dinh": (r"quyet dinh", ("qd",)),
    "bao_cao": (r"bao cao", ("bc",)),
    "de_an": (r"de an", ("da",)),
    "to_trinh": (r"to trinh", ("ttr",)),
    "chuong_trinh": (r"chuong trinh", ("ctr",)),
    "thong_bao": (r"thong bao", ("tb",)),
    "huong_dan": (r"huong dan", ("hd",)),
    "phuong_an": (r"phuong an", ("pa",)),
    "nghi_quyet": (r"nghi quyet", ("nq",)),
    "chi_thi": (r"chi thi", ("ct",)),
    "quy_che": (r"quy che", ("qc",)),
    "bien_ban": (r"bien ban", ("bb",)),
    "cong_van": (r"cong van|van ban|cv", ("cv",)),
}
_NOUN = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{nouns})" for k, (nouns, _) in KINDS.items()) + r")\b")
_CODES = {code: kind for kind, (_, codes) in KINDS.items() for code in codes}
_DOCNUM = re.compile(r"(?<![\w/])\d+(?:/\d{2,4})?/([a-z]+)")
# A noun after these is cited, not produced ("thực hiện Kế hoạch số 12").
_CITED_BEFORE = re.compile(r"\b(?:theo|thuc hien|trien khai|tai|can cu|cua|ve viec|so ket|tong ket)\s*$")
_PRODUCING = re.compile(r"\b(?:xay dung|ban hanh|lap|soan thao|soan|hoan thien|hoan thanh|trinh|co|gui|"
                        r"de xuat|tham muu)\b((?:\s+[^\s,;.]+){0,4}?)\s+$")

_ISSUED = re.compile(r"\b(?:ban hanh|da ky|ky ban hanh|duoc phe duyet|phe duyet tai)\b[^;\n]{0,60}?"
                     r"(?<![\w/])\d+(?:/\d{2,4})?/[a-z]")
_URGING = re.compile(r"\b(?:cong van|van ban|cv)\b(?:\s+\S+){0,3}?\s+(?:don doc|nhac nho|chuyen tiep|chuyen|"
                     r"de nghi cac|yeu cau cac|chi dao cac|giao cac)\b|\bda (?:don doc|nhac nho|chuyen tiep)\b")
_PENDING = re.compile(r"\bcho (?:phe duyet|duyet|ky|ban hanh|y kien chi dao|xem xet|quyet dinh|thong qua|"
                      r"tham dinh|lanh dao)\b|\b(?:da|dang|vua) trinh\b|\bdang cho\b")
_CONSULT = re.compile(r"\b(?:xin|lay|dang lay|de nghi gop|xin gop) y kien\b|\bxin gop y\b|"
                      r"\bcho (?:y kien|gop y)\b|\bgop y (?:cua|tu) cac\b")
_DRAFT = re.compile(r"\bdu thao\b")
_DRAFT_OBJECT = re.compile(r"\b(?:gop y|y kien|tham gia y kien|thong qua)(?:\s+(?:vao|doi voi|ve|cho))?\s*$")
# "tham mưu" is advising the People's Committee: submitting is the unit's part.
_SUBMIT_TASK = re.compile(r"\btrinh\b|\bto trinh\b|\btham muu\b")
_URGE_TASK = re.compile(r"\b(?:don doc|nhac nho|chuyen tiep)\b")
_COMMENT_TASK = re.compile(r"\by kien\b|\bgop y\b")


@dataclass(frozen=True)
class CompletionCheck:
    verdict: str  # ok | not_product | unnamed_file | mismatch
    reason: str | None = None  # not_product: draft | consultation | pending | urging
    stated_kind: str | None = None  # a key of KINDS
    expected_kind: str | None = None

    @property
    def accepted(self) -> bool:
        return self.verdict == "ok"


def _key(text: str) -> str:
    return " ".join(_fold(unicodedata.normalize("NFC", text or "")).lower().split())


def kind_of(text: str) -> str | None:
    """The kind of product a phrase names: a document number's type code first ("văn
    bản số 12/KH" is a Kế hoạch), else its first product noun; None when it names none."""
    key = _key(text)
    for m in _DOCNUM.finditer(key):
        kind = _CODES.get(m.group(1))
        if kind:
            return kind
    m = _NOUN.search(key)
    return m.lastgroup if m else None


def expected_kind(expected_output: str, action: str) -> str | None:
    """What the task asks for: the expected output's kind, else a product its action
    says to make ("Xây dựng Kế hoạch …", "tham mưu ban hành Quyết định …") or an action
    that is itself a report ("Báo cáo UBND tỉnh …"). None when neither says."""
    if expected_output.strip():
        return kind_of(expected_output)
    key = _key(action)
    if key.startswith("bao cao "):
        return "bao_cao"
    for m in _NOUN.finditer(key):
        before = key[:m.start()]
        if _CITED_BEFORE.search(before):
            continue
        if _PRODUCING.search(before[-60:]):
            return m.lastgroup
    return None


def _names_kind(key: str, kind: str) -> bool:
    """The text names the kind as its own product somewhere (not only cites it)."""
    noun = re.compile(rf"\b(?:{KINDS[kind][0]})\b")
    return any(not _CITED_BEFORE.search(key[:m.start()]) for m in noun.finditer(key)) or \
        any(_CODES.get(m.group(1)) == kind for m in _DOCNUM.finditer(key))


def _step_only(key: str, task_key: str, expected_key: str) -> str | None:
    """Which step-on-the-way the text reports as its product, if any (see the docstring)."""
    if _URGING.search(key) and not _URGE_TASK.search(task_key):
        return "urging"
    if _ISSUED.search(key):
        return None
    if _PENDING.search(key) and not _SUBMIT_TASK.search(task_key) and not _SUBMIT_TASK.search(expected_key):
        return "pending"
    if _CONSULT.search(key) and not _COMMENT_TASK.search(task_key):
        return "consultation"
    draft_wanted = _DRAFT.search(task_key) or _DRAFT.search(expected_key)
    if not draft_wanted and any(not _DRAFT_OBJECT.search(key[:m.start()]) for m in _DRAFT.finditer(key)):
        return "draft"
    return None


def check_completion(text: str, output: str | None, *, expected_output: str = "", action: str = "",
                     has_attachment: bool = False) -> CompletionCheck:
    """A ✅ Xong whose output the quality gate found (`output`, None when only a file
    came): is it the product the task asks for? See the module docstring."""
    key, task_key, expected_key = _key(text), _key(action), _key(expected_output)
    reason = _step_only(key, task_key, expected_key)
    if reason:
        return CompletionCheck("not_product", reason=reason)
    if output is None and has_attachment:
        return CompletionCheck("unnamed_file")
    expected = expected_kind(expected_output, action)
    stated = kind_of(output or "") or kind_of(text)
    if expected and stated and stated != expected and not _names_kind(key, expected):
        return CompletionCheck("mismatch", stated_kind=stated, expected_kind=expected)
    return CompletionCheck("ok", stated_kind=stated, expected_kind=expected)
