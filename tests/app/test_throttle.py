"""Login throttling: strict per user name, per (name, address) pair, loose per address; a right
password from an address that is only address-limited logs in; ``bosai user unlock``."""

from __future__ import annotations

from click.testing import CliRunner

from app.auth import throttle
from app.cli import main
from app.db import get_db
from tests.app.conftest import PASSWORD, csrf_token


def attempt(client, username: str, password: str = "wrong password", address: str = "10.0.0.1"):
    """A login from ``address``."""
    return client.post("/login", data={"username": username, "password": password, "csrf_token": csrf_token(client)},
                       environ_base={"REMOTE_ADDR": address})


def test_five_typos_behind_one_address_do_not_lock_out_a_colleague(client, app):
    """Every PC of a town hall behind one NAT address: one person's typos lock only them there."""
    for _ in range(4):
        assert attempt(client, "staff").status_code == 401
    response = attempt(client, "staff")  # the fifth typo locks this name at this address
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 14 * 60
    assert "ログインの失敗が多すぎます。15 分待ってから" in response.get_data(as_text=True)
    assert attempt(client, "staff", PASSWORD).status_code == 429  # the pair is locked, unchecked
    colleague = app.test_client()
    assert attempt(colleague, "admin", PASSWORD).status_code == 302  # same address, right password
    assert colleague.get("/messages/").status_code == 200
    assert attempt(app.test_client(), "staff", PASSWORD, address="10.9.9.9").status_code == 302  # elsewhere


def test_the_user_name_is_limited_strictly_from_any_address(client):
    for n in range(throttle.NAME_LIMIT - 1):
        assert attempt(client, "staff", address=f"10.0.0.{n}").status_code == 401
    assert attempt(client, "staff", address="10.0.0.99").status_code == 429  # the tenth, from anywhere
    response = attempt(client, "staff", PASSWORD, address="10.0.1.1")  # right password, new address
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 14 * 60
    assert client.get("/messages/").status_code == 302
    assert attempt(client, "admin", PASSWORD, address="10.0.0.1").status_code == 302


def test_an_address_limited_address_still_lets_a_right_password_in(app, client):
    """Guessing many accounts from one address: past the loose limit each wrong password locks
    its pair at once, but a colleague with the right password still logs in."""
    for n in range(throttle.ADDRESS_LIMIT):
        assert attempt(client, f"guess{n}").status_code == 401
    assert attempt(app.test_client(), "admin", PASSWORD).status_code == 302
    assert attempt(client, "translator").status_code == 429  # first wrong try locks the pair
    assert attempt(client, "translator", PASSWORD).status_code == 429
    assert attempt(client, "translator", PASSWORD, address="10.0.0.2").status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/translate/")})
    assert attempt(client, "staff", PASSWORD).status_code == 302


def test_unlock_lifts_every_lock_on_the_name(app, client):
    for n in range(throttle.NAME_LIMIT):
        attempt(client, "staff", address=f"10.0.0.{n % 2}")  # name and both pairs locked
    attempt(client, "admin")  # another name's lock stays
    for _ in range(4):
        attempt(client, "admin")
    assert attempt(client, "staff", PASSWORD, address="10.0.0.1").status_code == 429
    instance = app.instance_path
    result = CliRunner().invoke(main, ["user", "unlock", "staff", "--instance", instance])
    assert result.exit_code == 0 and "staff may log in again" in result.output
    assert attempt(app.test_client(), "staff", PASSWORD, address="10.0.0.1").status_code == 302
    assert attempt(app.test_client(), "staff", PASSWORD, address="10.0.0.0").status_code == 302
    assert attempt(app.test_client(), "admin", PASSWORD, address="10.0.0.1").status_code == 429
    result = CliRunner().invoke(main, ["user", "unlock", "nobody", "--instance", instance])
    assert result.exit_code == 1 and "no user 'nobody'" in result.output


def test_a_new_password_from_the_command_line_lifts_the_locks(app, client):
    for _ in range(5):
        attempt(client, "staff")
    result = CliRunner().invoke(main, ["user", "password", "staff", "--instance", app.instance_path],
                                input="a new long password\na new long password\n")
    assert result.exit_code == 0, result.output
    assert attempt(client, "staff", "a new long password").status_code == 302


def test_unknown_names_are_locked_alike(client):
    for n in range(throttle.NAME_LIMIT):
        attempt(client, "nobody", address=f"10.0.0.{n}")
    assert attempt(client, "nobody", address="10.0.1.1").status_code == 429
    for _ in range(5):
        attempt(client, "nobody2")
    assert attempt(client, "nobody2").status_code == 429


def test_success_clears_the_counters(client):
    for n in range(throttle.NAME_LIMIT - 1):
        attempt(client, "staff", address=f"10.0.0.{n % 2}")
    assert attempt(client, "staff", PASSWORD, address="10.0.0.1").status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/messages/")})
    for n in range(4):
        assert attempt(client, "staff", address="10.0.0.1").status_code == 401
    assert attempt(client, "staff", PASSWORD, address="10.0.0.1").status_code == 302


def test_lock_holds_across_restarts_and_ends_after_15_minutes(make_app, client):
    for _ in range(5):
        attempt(client, "staff")
    restarted = make_app()  # a new app on the same instance database
    assert attempt(restarted.test_client(), "staff", PASSWORD).status_code == 429
    with restarted.app_context():
        db = get_db()
        with db.conn:
            db.execute("UPDATE login_throttle SET since = since - 900, locked_until = locked_until - 900")
    assert attempt(restarted.test_client(), "staff", PASSWORD).status_code == 302


def test_failures_from_many_threads_all_count(app):
    from concurrent.futures import ThreadPoolExecutor

    def fail(_n: int) -> int:
        return attempt(app.test_client(), "staff").status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(fail, range(4))) == [401] * 4
    assert attempt(app.test_client(), "staff").status_code == 429  # the 5th failure
