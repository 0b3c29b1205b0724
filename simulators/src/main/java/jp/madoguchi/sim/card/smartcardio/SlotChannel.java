package jp.madoguchi.sim.card.smartcardio;

import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** The basic logical channel of a simulated card (the card has no other). */
final class SlotChannel extends CardChannel {
    private final SlotCard card;

    SlotChannel(SlotCard card) {
        this.card = card;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkConnected();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        byte[] bytes = command.getBytes();
        rejectManageChannel(bytes);
        return new ResponseAPDU(card.exchange(bytes));
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same object");
        }
        if (response.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        rejectManageChannel(bytes);
        byte[] answer = card.exchange(bytes);
        if (response.remaining() < answer.length) {
            throw new IllegalArgumentException("Insufficient space in response buffer: need " + answer.length);
        }
        response.put(answer);
        return answer.length;
    }

    @Override
    public void close() throws CardException {
        throw new IllegalStateException("Cannot close basic logical channel");
    }

    private static void rejectManageChannel(byte[] command) {
        if (command.length >= 2 && command[1] == 0x70) {
            throw new IllegalArgumentException("Manage channel command not allowed, use openLogicalChannel()");
        }
    }
}
