from pathlib import Path

import pytest

from searchapp.config import load_settings
from searchapp.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_repository_config_loads_with_paths_relative_to_the_file():
    settings = load_settings(REPO / "config" / "searchapp.yaml", environ={})
    assert settings.corpus == REPO / "corpus"
    assert settings.index == REPO / "index"
    assert settings.outlets_file == REPO / "config" / "outlets.yaml"
    assert "bali" in settings.stem_exclusions
    assert "kasus" not in settings.load_stopwords()
    assert "yang" in settings.load_stopwords()
    assert settings.writer_mb == 256
    tuned = load_settings(REPO / "config" / "searchapp.yaml", environ={"SEARCHAPP_INDEXING_WRITER_MB": "64"})
    assert tuned.writer_mb == 64


def test_environment_and_flags_override_the_file_in_that_order(tmp_path):
    config = write(tmp_path / "c.yaml", "server:\n  port: 9000\n")
    env = {"SEARCHAPP_SERVER_PORT": "9100", "SEARCHAPP_RANKING_TITLE_BOOST": "3"}
    assert load_settings(config, environ={}).port == 9000
    assert load_settings(config, environ=env).port == 9100
    assert load_settings(config, environ=env).title_boost == 3.0
    assert load_settings(config, {"server.port": 9200}, environ=env).port == 9200
    flagged = load_settings(config, {"corpus": "somewhere"}, environ={})
    assert flagged.corpus == Path("somewhere").resolve()


def test_config_file_named_by_environment(tmp_path):
    config = write(tmp_path / "other.yaml", "server:\n  host: 0.0.0.0\n")
    assert load_settings(environ={"SEARCHAPP_CONFIG": str(config)}).host == "0.0.0.0"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("server:\n  prot: 1\n", "server.prot: unknown setting"),
        ("server:\n  port: eighty\n", "server.port: must be an integer"),
        ("ranking: 3\n", "ranking: must be a mapping"),
        ("server: [1\n", "invalid YAML at line"),
        ("- a\n- b\n", "mapping of settings at the top level"),
        ("analysis:\n  stem_exclusions: bali\n", "analysis.stem_exclusions: must be a list"),
        ("server:\n  port: -1\n", "server.port: must be between 1 and 65535, not -1"),
        ("server:\n  port: 99999\n", "server.port: must be between 1 and 65535, not 99999"),
        ("ranking:\n  title_boost: .nan\n", "ranking.title_boost: must be a finite number"),
        ("ranking:\n  exact_boost: .inf\n", "ranking.exact_boost: must be a finite number"),
        ("indexing:\n  batch_size: 0\n", "indexing.batch_size: must be between 1 and"),
        ("indexing:\n  writer_mb: 0\n", "indexing.writer_mb: must be between 1 and"),
        ("search:\n  posting_cache_mb: -3\n", "search.posting_cache_mb: must be between 0 and"),
        ("server:\n  port: 8080\n  port: 9090\n", "duplicate key 'port'"),
        ("server:\n  port: 8080\nserver:\n  host: x\n", "duplicate key 'server'"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, fragment):
    config = write(tmp_path / "bad.yaml", text)
    with pytest.raises(ConfigError) as caught:
        load_settings(config, environ={})
    assert str(config) in str(caught.value)
    assert fragment in str(caught.value)


def test_missing_named_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_settings(tmp_path / "nope.yaml", environ={})


def test_bad_environment_value_is_named_by_its_variable(tmp_path):
    with pytest.raises(ConfigError, match="<environment>: SEARCHAPP_SERVER_PORT: must be an integer"):
        load_settings(write(tmp_path / "c.yaml", ""), environ={"SEARCHAPP_SERVER_PORT": "x"})
    with pytest.raises(ConfigError, match="SEARCHAPP_SERVER_PORT: must be between 1 and 65535"):
        load_settings(write(tmp_path / "c.yaml", ""), environ={"SEARCHAPP_SERVER_PORT": "99999"})


def test_a_misspelled_environment_variable_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="<environment>: SEARCHAPP_SERVER_PROT: unknown variable"):
        load_settings(write(tmp_path / "c.yaml", ""), environ={"SEARCHAPP_SERVER_PROT": "9000"})
    assert load_settings(write(tmp_path / "c.yaml", ""), environ={"OTHER_PORT": "1"}).port == 8080


def test_duplicate_keys_in_a_table_file_are_an_error(tmp_path):
    from searchapp.extract.outlet import OutletTable

    outlets = write(tmp_path / "outlets.yaml", "outlets:\n  - slug: a\n    name: A\n    name: B\n")
    with pytest.raises(ConfigError, match="duplicate key 'name'"):
        OutletTable.load(outlets)


def test_bad_stopwords_file(tmp_path):
    config = write(tmp_path / "c.yaml", "stopwords_file: sw.yaml\n")
    write(tmp_path / "sw.yaml", "words: [a]\n")
    with pytest.raises(ConfigError, match="single key 'stopwords'"):
        load_settings(config, environ={}).load_stopwords()


def test_run_outside_the_project_folder_the_checkout_configuration_is_used(tmp_path, monkeypatch):
    from searchapp.config import CHECKOUT_CONFIG, load_settings

    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings.outlets_file == CHECKOUT_CONFIG.parent / "outlets.yaml" and settings.outlets_file.exists()
    assert settings.corpus == CHECKOUT_CONFIG.parent.parent / "corpus"
