import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitQuestion } from './split-question.js';

describe('splitQuestion', () => {
  it('splits two questions joined by a connective or a comma, leaving statements out', () => {
    assert.deepEqual(splitQuestion('To protect a backend I combine inFlightReq and rateLimit. What status does inFlightReq return when full, and what period does rateLimit use?'), [
      'What status does inFlightReq return when full',
      'what period does rateLimit use?',
    ]);
    assert.deepEqual(splitQuestion('Which option controls how long a UDP session is kept, what is its default?'), [
      'Which option controls how long a UDP session is kept',
      'what is its default?',
    ]);
    assert.deepEqual(splitQuestion('Is arm64 one of the supported builds, and which tool installs the service?'), [
      'Is arm64 one of the supported builds',
      'which tool installs the service?',
    ]);
  });

  it('keeps a qualifier ("by default", a few words between the connective and the question word) with its question', () => {
    assert.deepEqual(splitQuestion('What must be enabled for the account, and by default how long does the server wait for a PUBACK?'), [
      'What must be enabled for the account',
      'by default how long does the server wait for a PUBACK?',
    ]);
    assert.deepEqual(splitQuestion('Since which version can MQTT clients connect, and in which release did it learn Sparkplug?'), [
      'Since which version can MQTT clients connect',
      'in which release did it learn Sparkplug?',
    ]);
  });

  it('splits one question per question sentence', () => {
    assert.deepEqual(splitQuestion('Do the servers compress route traffic by default? Which mode applies if I never set it?'), [
      'Do the servers compress route traffic by default?',
      'Which mode applies if I never set it?',
    ]);
  });

  it('splits a question about two named or compared things', () => {
    assert.deepEqual(splitQuestion('What is the difference between leaf nodes and gateways?'), [
      'What is the difference between leaf nodes?',
      'What is the difference between gateways?',
    ]);
    assert.deepEqual(splitQuestion('JetStream vs Core NATS: which one keeps messages?'), ['JetStream: which one keeps messages?', 'Core NATS: which one keeps messages?']);
    assert.deepEqual(splitQuestion('Which ports do I publish for the route traffic and for the leaf nodes?'), [
      'Which ports do I publish for the route traffic?',
      'Which ports do I publish for the leaf nodes?',
    ]);
    assert.deepEqual(splitQuestion('How do inFlightReq and rateLimit count requests?'), ['How do inFlightReq count requests?', 'How do rateLimit count requests?']);
  });

  it('keeps a question that asks one thing whole', () => {
    assert.deepEqual(splitQuestion('How do I enable gzip compression?'), []);
    assert.deepEqual(splitQuestion('Are black and white images compressed?'), []);
    assert.deepEqual(splitQuestion('Above what size is the body spooled to disk? I need the default.'), []);
    assert.deepEqual(splitQuestion('What is the default of maxBodyRetries, i.e. how many bytes are kept?'), []);
    // A leading subordinate clause qualifies the question; it is not a second one.
    assert.deepEqual(splitQuestion('When Traefik is stopped, how long does it give requests in progress to complete?'), []);
    assert.deepEqual(splitQuestion('Which ports do clients and routes use?'), []);
    // Statements are context, whatever they contain.
    assert.deepEqual(splitQuestion('My auth service needs to know which path was requested, and my backend which host proxied it.'), []);
  });

  it('yields at most four parts', () => {
    assert.equal(splitQuestion('Which a b c? Which d e f? Which g h i? Which j k l? Which m n o?').length, 4);
  });
});
