//! The lab's resource server over real HTTP, for CPython: it answers `/io/resource/<i>` with
//! the bytes, status and latency Threadline's native host serves itself (the same
//! `threadline_python::net` functions), so one network program runs under both and their
//! outputs can be compared. Anything else gets a 404. One thread per connection; the answer
//! goes out whole once the latency, counted from the request's arrival, is up.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;
use threadline_python::net::{FetchRequest, lab_reply, parse_lab_url};

/// Starts the server on an ephemeral port of 127.0.0.1; returns the port. It serves until the
/// test process ends.
pub fn start() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind the lab server");
    let port = listener
        .local_addr()
        .expect("the lab server's address")
        .port();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            thread::spawn(move || answer(stream));
        }
    });
    port
}

/// The path of the request line (`GET /io/resource/3?latency=5 HTTP/1.1`), once the
/// request's headers are read.
fn read_request(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let path = line.split_whitespace().nth(1)?.to_string();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
    }
    Some(path)
}

fn answer(mut stream: TcpStream) {
    let Some(path) = read_request(&stream) else {
        return;
    };
    let (status, reason, headers, body) = match parse_lab_url(&path) {
        Ok((resource, latency_ms, fail)) => {
            thread::sleep(Duration::from_secs_f64(latency_ms / 1000.0));
            let request = FetchRequest {
                url: path,
                resource,
                latency_ms,
                fail,
                sent_ms: 0.0,
            };
            let reply = lab_reply(&request);
            (reply.status, reply.reason, reply.headers, reply.body)
        }
        Err(why) => (404, "Not Found".into(), Vec::new(), why.into_bytes()),
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
    let _ = stream.flush();
}
