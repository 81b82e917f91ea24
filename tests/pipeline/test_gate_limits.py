from kabar.gate_limits import limit_breach

SUITE = {"meta": {"kabar": {"max_row_failure_fraction": 0.5, "counts_rejects_of": ["clean"]}}}


def test_rejects_of_the_stage_before_count_against_the_limit():
    junk = {"clean": {"nav_only": 3}}
    msg = limit_breach("clean", SUITE, rows=1, quarantined=0, stage_rejects=junk)
    assert msg.startswith("GX suite 'clean' rejected 3 of 4 rows (75% > the suite's limit of 50%)")
    assert "3 rejected by the clean stage (nav_only ×3)" in msg
    assert limit_breach("clean", SUITE, rows=3, quarantined=0, stage_rejects={"clean": {"nav_only": 1}}) is None


def test_without_the_setting_only_the_suites_own_rows_count():
    plain = {"meta": {"kabar": {"max_row_failure_fraction": 0.5}}}
    assert limit_breach("clean", plain, rows=1, quarantined=0, stage_rejects={"clean": {"nav_only": 3}}) is None
    assert "2 quarantined by the suite" in limit_breach("clean", plain, 3, 2, {}, "x ×2")
    assert limit_breach("clean", SUITE, 0, 0, {}) is None
